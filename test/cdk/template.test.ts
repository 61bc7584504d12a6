/**
 * The synthesized stack's tests. Each group lives in its own `*.cases.ts` file; they run here, in
 * one test file, so that they share one synthesis of the stack per context (`synthesizeGantry`
 * keeps it) instead of paying several seconds for it a dozen times. A group alone:
 * `npx jest test/cdk/template -t '^storage'`.
 */
describe('apis', () => {
  require('./apis.cases');
});
describe('approvals', () => {
  require('./approvals.cases');
});
describe('authorizer', () => {
  require('./authorizer.cases');
});
describe('aws-runtime', () => {
  require('./aws-runtime.cases');
});
describe('foundry', () => {
  require('./foundry.cases');
});
describe('foundry-sync', () => {
  require('./foundry-sync.cases');
});
describe('iam-scoping', () => {
  require('./iam-scoping.cases');
});
describe('idle-cost', () => {
  require('./idle-cost.cases');
});
describe('nag', () => {
  require('./nag.cases');
});
describe('operations', () => {
  require('./operations.cases');
});
describe('storage', () => {
  require('./storage.cases');
});
describe('workflow', () => {
  require('./workflow.cases');
});
describe('iam: a mission over the cloud twin', () => {
  require('../iam/mission-calls.cases');
});
