export * from './types';
export { checkMx, isIpLiteral, type MxCheckInput } from './checkMx';
export { checkSrv, srvOwner, type SrvCheckInput } from './checkSrv';
export { errorVerdict } from './errorVerdict';
export { inferSetup, findRule, isServerLike, type InferredSetup } from './inferSetup';
export { zoneSnippet } from './zoneSnippet';
