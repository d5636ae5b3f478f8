/** The CLI's version: package.json's, inlined by the bundler (only this one field). */
import { version } from '../../package.json';

export const CLI_VERSION: string = version;
