/**
 * `app.commandLine`: Chromium switches the app appends, recorded; `hasSwitch` also sees switches
 * given on the real command line.
 */
import type { CommandLine as ElectronCommandLine } from 'electron';

/** The double's CommandLine. */
export class CommandLine implements ElectronCommandLine {
  readonly switches: Record<string, string> = {};
  readonly arguments: string[] = [];

  appendSwitch(name: string, value = ''): void {
    this.switches[name] = value;
  }

  appendArgument(value: string): void {
    this.arguments.push(value);
  }

  hasSwitch(name: string): boolean {
    return name in this.switches || process.argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  }

  getSwitchValue(name: string): string {
    if (name in this.switches) return this.switches[name] ?? '';
    const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
    return given ? given.slice(name.length + 3) : '';
  }

  removeSwitch(name: string): void {
    delete this.switches[name];
  }
}
