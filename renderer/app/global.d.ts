import type { Api } from '../../shared/contract';

declare global {
  interface Window {
    /** The one door to main, exposed by the preload (or by the e2e harness). */
    readonly api: Api;
  }
}

export {};
