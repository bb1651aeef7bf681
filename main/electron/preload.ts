/**
 * The sandboxed preload: it exposes `window.api` and nothing else. The page gets one
 * function per procedure of the contract and `onEvent`; never ipcRenderer itself, so it
 * cannot reach any other channel. Built as CommonJS with shared/ bundled in, because a
 * sandboxed preload can neither be an ES module nor require anything but 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, PROCEDURE_NAMES, type DeskEvent } from '../../shared/contract';
import { createWindowApi } from '../../shared/contract/window-api';
import type { Result } from '../../shared/errors';

function call(name: string, input: unknown): Promise<Result<unknown>> {
  return ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input) as Promise<Result<unknown>>;
}

function subscribe(listener: (event: DeskEvent) => void): () => void {
  // The IPC event object (with its sender) never reaches the page: only the payload.
  const forward = (_event: IpcRendererEvent, payload: DeskEvent): void => listener(payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  };
}

contextBridge.exposeInMainWorld('api', createWindowApi(PROCEDURE_NAMES, call, subscribe));
