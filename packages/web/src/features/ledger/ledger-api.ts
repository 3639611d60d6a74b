import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { CountSheetView, CountView, DiscrepancyView, EntryView, InventoryView, LedgerReportKind, LedgerVerifyView, LossReportView, LossStep, StockView } from '@lantern/core';
import { api, queryString } from '../../api/client';
import type { ApiError } from '../../api/api-error';

/** The controlled-substance ledger's API (issue #6). Every read is audited on the server. */

export function useStock(): UseQueryResult<StockView, ApiError> {
  return useQuery<StockView, ApiError>({ queryKey: ['ledger', 'stock'], queryFn: () => api<StockView>('/api/ledger/stock') });
}

/** The newest entries (100 unless `limit` says more, up to the API's 1000), optionally of one container. */
export function useEntries(filter: { containerId?: string; limit?: number } = {}): UseQueryResult<EntryView[], ApiError> {
  return useQuery<EntryView[], ApiError>({
    queryKey: ['ledger', 'entries', filter],
    queryFn: () => api<EntryView[]>(`/api/ledger/entries${queryString({ containerId: filter.containerId, limit: filter.limit ?? 100 })}`),
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

/** Count discrepancies not yet resolved, oldest first as the server lists them. */
export function useDiscrepancies(): UseQueryResult<DiscrepancyView[], ApiError> {
  return useQuery<DiscrepancyView[], ApiError>({ queryKey: ['ledger', 'discrepancies'], queryFn: () => api<DiscrepancyView[]>('/api/ledger/discrepancies') });
}

export interface ResolveDiscrepancyInput {
  readonly id: string;
  readonly resolution: 'explained' | 'adjusted' | 'reported_as_loss';
  readonly reason: string;
  readonly adjustmentEntryId: string | null;
  readonly lossEntryId: string | null;
}

export function useResolveDiscrepancy(): UseMutationResult<DiscrepancyView, ApiError, ResolveDiscrepancyInput> {
  const queryClient = useQueryClient();
  return useMutation<DiscrepancyView, ApiError, ResolveDiscrepancyInput>({
    mutationFn: ({ id, ...body }) => api<DiscrepancyView>(`/api/ledger/discrepancies/${encodeURIComponent(id)}/resolve`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ledger'] }),
  });
}

export function useLossReports(): UseQueryResult<LossReportView[], ApiError> {
  return useQuery<LossReportView[], ApiError>({ queryKey: ['ledger', 'loss-reports'], queryFn: () => api<LossReportView[]>('/api/ledger/loss-reports') });
}

export interface OpenLossReportInput {
  readonly lossKind: 'theft' | 'loss';
  readonly discoveredOn: string;
  readonly lossEntryIds: readonly string[];
}

/** Opens the significant-loss checklist (DEA Field Division, Form 106, state board, police for a theft). */
export function useOpenLossReport(): UseMutationResult<LossReportView, ApiError, OpenLossReportInput> {
  const queryClient = useQueryClient();
  return useMutation<LossReportView, ApiError, OpenLossReportInput>({
    mutationFn: (input) => api<LossReportView>('/api/ledger/loss-reports', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ledger', 'loss-reports'] }),
  });
}

export interface CompleteLossStepInput {
  readonly reportId: string;
  readonly step: LossStep;
  readonly completedOn: string;
  readonly reference: string | null;
}

export function useCompleteLossStep(): UseMutationResult<LossReportView, ApiError, CompleteLossStepInput> {
  const queryClient = useQueryClient();
  return useMutation<LossReportView, ApiError, CompleteLossStepInput>({
    mutationFn: ({ reportId, step, ...body }) => api<LossReportView>(`/api/ledger/loss-reports/${encodeURIComponent(reportId)}/steps/${step}`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ledger', 'loss-reports'] }),
  });
}

export function useVerifyLedger(): UseMutationResult<LedgerVerifyView, ApiError, void> {
  return useMutation<LedgerVerifyView, ApiError, void>({ mutationFn: () => api<LedgerVerifyView>('/api/ledger/verify') });
}

/** A report file's URL: the browser downloads it with the session cookie (audited as an export or print). */
export function reportUrl(kind: LedgerReportKind, query: { from: string; to: string; format: 'csv' | 'pdf'; lotId?: string }): string {
  return `/api/ledger/reports/${kind}${queryString(query)}`;
}
