export * from './check-key';
export * from './account-service';
