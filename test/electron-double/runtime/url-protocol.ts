/**
 * `protocol` (minimal): schemes the app registers are recorded; pages in the double are served
 * over http, so custom scheme handlers are never called.
 */
import { doubleContext } from './context';

const handled = new Set<string>();
const privileged = new Set<string>();

/** The `protocol` module. */
export const protocol = {
  handle(scheme: string): void {
    handled.add(scheme);
    doubleContext().recorder.touch();
  },
  unhandle(scheme: string): void {
    handled.delete(scheme);
    doubleContext().recorder.touch();
  },
  isProtocolHandled(scheme: string): boolean {
    return handled.has(scheme);
  },
  /** Like Electron, only allowed before ready. */
  registerSchemesAsPrivileged(schemes: { scheme: string }[]): void {
    if (doubleContext().isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const { scheme } of schemes) privileged.add(scheme);
    doubleContext().recorder.touch();
  },
};

/** The protocol state for the snapshot. */
export function protocolState(): { handled: string[]; privilegedSchemes: string[] } {
  return { handled: [...handled], privilegedSchemes: [...privileged] };
}
