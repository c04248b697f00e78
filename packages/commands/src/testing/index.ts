export { fakeInvocation, type FakeInvocation, type Sent } from './fake-invocation.js';
