import { useState } from 'react';
import type { ContainerView, ProductView, StockView } from '@lantern/core';
import { statedAmountOf, unitsFor, wholeBalanceIn, type AmountUnit } from './amount-units';

export interface ContainerAmount {
  readonly containerId: string | null;
  readonly container: ContainerView | undefined;
  readonly product: ProductView | undefined;
  readonly units: readonly AmountUnit[];
  readonly unit: AmountUnit;
  readonly amount: string;
  /** Picks a container and prefills its whole balance (the usual case for stock leaving the clinic). */
  readonly choose: (containerId: string | null) => void;
  readonly setUnit: (unit: AmountUnit) => void;
  readonly setAmount: (amount: string) => void;
  /** The amount as the API takes it. */
  readonly stated: () => Record<string, string | number>;
}

/**
 * The container a stock-out form is about and the amount it moves, in a unit that fits its product.
 * Changing the unit while the amount is still the whole balance re-states the whole balance.
 */
export function useContainerAmount(stock: StockView, initial: { containerId?: string | null; amount?: string; unit?: AmountUnit; prefillWhole?: boolean } = {}): ContainerAmount {
  const prefillWhole = initial.prefillWhole ?? true;
  const [containerId, setContainerId] = useState<string | null>(initial.containerId ?? null);
  const container = stock.containers.find((c) => c.id === containerId);
  const product = container ? stock.products.find((p) => p.id === container.productId) : undefined;
  const units = unitsFor(product);
  const [unit, setUnitState] = useState<AmountUnit>(initial.unit ?? 'mg');
  const [amount, setAmount] = useState(initial.amount ?? '');
  const fitting = units.includes(unit) ? unit : 'mg';
  return {
    containerId,
    container,
    product,
    units,
    unit: fitting,
    amount,
    choose: (id) => {
      setContainerId(id);
      const next = stock.containers.find((c) => c.id === id);
      const nextProduct = next ? stock.products.find((p) => p.id === next.productId) : undefined;
      // mL for a vial and units for troches read as staff count them; mg when units do not divide the balance.
      const preferred: AmountUnit = unitsFor(nextProduct)[1] ?? 'mg';
      const whole = next ? wholeBalanceIn(preferred, next, nextProduct) : '';
      setUnitState(whole ? preferred : 'mg');
      if (prefillWhole && next) setAmount(whole || next.balanceMg);
    },
    setUnit: (next) => {
      if (container && amount === wholeBalanceIn(fitting, container, product)) setAmount(wholeBalanceIn(next, container, product));
      setUnitState(next);
    },
    setAmount,
    stated: () => statedAmountOf(fitting, amount),
  };
}
