import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { CountSheetView, CountView, EntryView, InventoryView, LedgerReportKind, LedgerVerifyView, LossReportView, StockView } from '@lantern/core';
import { api, queryString } from '../../api/client';
import type { ApiError } from '../../api/api-error';

/** The controlled-substance ledger's API (issue #6). Every read is audited on the server. */

export function useStock(): UseQueryResult<StockView, ApiError> {
  return useQuery<StockView, ApiError>({ queryKey: ['ledger', 'stock'], queryFn: () => api<StockView>('/api/ledger/stock') });
}

export function useEntries(filter: { containerId?: string } = {}): UseQueryResult<EntryView[], ApiError> {
  return useQuery<EntryView[], ApiError>({
    queryKey: ['ledger', 'entries', filter],
    queryFn: () => api<EntryView[]>(`/api/ledger/entries${queryString({ containerId: filter.containerId, limit: 100 })}`),
  });
}

/** What a second person types on this device to confirm: their own password and authenticator code. */
export interface Confirmation {
  readonly userId: string;
  readonly password: string;
  readonly totp?: string;
}

export interface RecordEntryInput {
  readonly entry: Record<string, unknown>;
  readonly witness: Confirmation | null;
}

export function useRecordEntry(): UseMutationResult<EntryView, ApiError, RecordEntryInput> {
  const queryClient = useQueryClient();
  return useMutation<EntryView, ApiError, RecordEntryInput>({
    mutationFn: (input) => api<EntryView>('/api/ledger/entries', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ledger'] }),
  });
}

export function useCountSheet(locationId: string | null): UseQueryResult<CountSheetView, ApiError> {
  return useQuery<CountSheetView, ApiError>({
    queryKey: ['ledger', 'count-sheet', locationId],
    queryFn: () => api<CountSheetView>(`/api/ledger/count-sheet${queryString({ locationId })}`),
    enabled: locationId !== null,
  });
}

export interface RecordCountInput {
  readonly count: { kind: string; locationId: string; secondCounterId: string; lines: Array<{ containerId: string; counted: Record<string, string | number>; estimated: boolean }> };
  readonly secondCounter: Confirmation;
}

export function useRecordCount(): UseMutationResult<CountView, ApiError, RecordCountInput> {
  const queryClient = useQueryClient();
  return useMutation<CountView, ApiError, RecordCountInput>({
    mutationFn: (input) => api<CountView>('/api/ledger/counts', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ledger'] }),
  });
}

export function useCounts(range: { from: string; to: string }): UseQueryResult<CountView[], ApiError> {
  return useQuery<CountView[], ApiError>({ queryKey: ['ledger', 'counts', range], queryFn: () => api<CountView[]>(`/api/ledger/counts${queryString(range)}`) });
}

export function useInventories(): UseQueryResult<InventoryView[], ApiError> {
  return useQuery<InventoryView[], ApiError>({ queryKey: ['ledger', 'inventories'], queryFn: () => api<InventoryView[]>('/api/ledger/inventories') });
}

export interface TakeInventoryInput {
  readonly kind: 'initial' | 'biennial';
  readonly timing: 'opening_of_business' | 'closing_of_business';
  readonly locationId: string | null;
  readonly signature: Confirmation;
}

export function useTakeInventory(): UseMutationResult<InventoryView, ApiError, TakeInventoryInput> {
  const queryClient = useQueryClient();
  return useMutation<InventoryView, ApiError, TakeInventoryInput>({
    mutationFn: (input) => api<InventoryView>('/api/ledger/inventories', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ledger'] }),
  });
}

export function useLossReports(): UseQueryResult<LossReportView[], ApiError> {
  return useQuery<LossReportView[], ApiError>({ queryKey: ['ledger', 'loss-reports'], queryFn: () => api<LossReportView[]>('/api/ledger/loss-reports') });
}

export function useVerifyLedger(): UseMutationResult<LedgerVerifyView, ApiError, void> {
  return useMutation<LedgerVerifyView, ApiError, void>({ mutationFn: () => api<LedgerVerifyView>('/api/ledger/verify') });
}

/** A report file's URL: the browser downloads it with the session cookie (audited as an export or print). */
export function reportUrl(kind: LedgerReportKind, query: { from: string; to: string; format: 'csv' | 'pdf'; lotId?: string }): string {
  return `/api/ledger/reports/${kind}${queryString(query)}`;
}
