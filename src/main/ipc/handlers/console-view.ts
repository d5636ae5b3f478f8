/** The console view's channel (src/shared/ipc/console-view.ts): the selection to the clipboard. */
import type { ConsoleViewChannels } from '../../../shared/ipc/console-view';
import type { Handlers } from '../register-handlers';
import { HandlerError } from '../to-ipc-error';
import type { HandlerPorts } from './ports';

export function consoleViewHandlers(ports: HandlerPorts): Pick<Handlers, keyof ConsoleViewChannels> {
  return {
    'console:copy': async ({ text }) => {
      // The clipboard is this computer's: only right after the person's own press (a selecting drag).
      if (!ports.consumeActivation()) throw new HandlerError('cancelled', 'Select the text in the console with the mouse to copy it.');
      await ports.copyText(text);
    },
  };
}
