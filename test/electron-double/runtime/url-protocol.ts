/**
 * The `protocol` module: Electron's module-level handle/unhandle/isProtocolHandled act on the
 * default session's protocol (lib/browser/api/protocol.ts); registerSchemesAsPrivileged is
 * global and only allowed before ready.
 */
import { doubleContext } from './context';
import { session } from './session';
import { isStandardScheme, privilegedSchemes, registerPrivileges } from './session-protocol';

interface CustomScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

/** The `protocol` module. */
export const protocol = {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    session.defaultSession.protocol.handle(scheme, handler);
  },
  unhandle(scheme: string): void {
    session.defaultSession.protocol.unhandle(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return session.defaultSession.protocol.isProtocolHandled(scheme);
  },
  /** Like Electron, only allowed before ready. */
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    if (doubleContext().isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const { scheme, privileges } of schemes) registerPrivileges(scheme, privileges ?? {});
    doubleContext().recorder.touch();
  },
  getStandardSchemes(): string[] {
    return privilegedSchemes().filter(isStandardScheme);
  },
};

/** The protocol state for the snapshot (the default session's handlers). */
export function protocolState(): { handled: string[]; privilegedSchemes: string[] } {
  return { handled: session.defaultSession.protocol.handledSchemes(), privilegedSchemes: privilegedSchemes() };
}
