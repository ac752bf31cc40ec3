export * from './enums';
export * from './stateMachine';
export * from './workingDays';
export * from './trackingNo';
export * from './phone';
export * from './deadlines';
