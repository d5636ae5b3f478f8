export * from './secret-store';
export * from './keytar-store';
