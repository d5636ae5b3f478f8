// Types of scripts/electron-binary.mjs, for the tests that import it.
export interface ElectronPackage {
  dir: string;
  version: string;
}
export type Located =
  | { path: string; source: 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'installed'; missing?: undefined; download?: undefined }
  | { missing: string; path?: undefined; download?: undefined }
  | { download: true; path?: undefined; missing?: undefined };
export function platformExecutable(platform?: string, env?: NodeJS.ProcessEnv): string | null;
export function electronPackage(from?: string): ElectronPackage | null;
export function locateElectron(options?: { env?: NodeJS.ProcessEnv; pkg?: ElectronPackage | null; platform?: string }): Located;
export function downloadFailure(stderr: string): string;
export function downloadElectron(options?: {
  pkg?: ElectronPackage | null;
  env?: NodeJS.ProcessEnv;
  onStart?: (version: string) => void;
  timeoutMs?: number;
}): Promise<{ path: string; failed?: undefined; log?: undefined } | { failed: string; log?: string; path?: undefined }>;
export function sandboxProblem(options: { executable: string; platform?: string; sysctl?: string }): { helper: string } | null;
