import type { ContainerView, ProductView } from '@lantern/core';

/**
 * The units staff state an amount in (entry-request.ts `statedAmount`): a solution in mg or mL, a
 * troche or tablet in mg or whole units. The server converts exactly and refuses unit confusion.
 */
export type AmountUnit = 'mg' | 'mL' | 'units';

/** The units that fit a product; mg alone when the product is not known. */
export function unitsFor(product: Pick<ProductView, 'form'> | undefined): readonly AmountUnit[] {
  if (!product) return ['mg'];
  return product.form === 'injection_solution' ? ['mg', 'mL'] : ['mg', 'units'];
}

/** The amount as the API takes it: `{ mg: "12.5" }`, `{ mL: "0.125" }` or `{ units: 2 }`. */
export function statedAmountOf(unit: AmountUnit, text: string): Record<string, string | number> {
  const trimmed = text.trim();
  if (unit === 'units') {
    // Anything but a number goes through as typed, so the server names the field instead of us guessing.
    const count = Number(trimmed);
    return { units: trimmed !== '' && Number.isFinite(count) ? count : trimmed };
  }
  return { [unit]: trimmed };
}

/** A container's whole balance in `unit`, to prefill "all of it" (empty when it does not divide into units). */
export function wholeBalanceIn(unit: AmountUnit, container: Pick<ContainerView, 'balanceMg' | 'balanceMl'>, product: Pick<ProductView, 'capacityMg' | 'unitsPerContainer'> | undefined): string {
  switch (unit) {
    case 'mg':
      return container.balanceMg;
    case 'mL':
      return container.balanceMl ?? '';
    case 'units': {
      if (!product?.unitsPerContainer) return '';
      // Hundredths of a mg, so the division is exact: 3000.00 mg of 100 mg troches is 30.
      const each = Math.round((Number(product.capacityMg) * 100) / product.unitsPerContainer);
      const balance = Math.round(Number(container.balanceMg) * 100);
      return each > 0 && balance % each === 0 ? String(balance / each) : '';
    }
  }
}

/** "KH2291 #3, Safe A: 940.00 mg (9.400 mL)": how a container reads in a picker. */
export function containerOptionLabel(container: Pick<ContainerView, 'label' | 'locationName' | 'balanceMg' | 'balanceMl' | 'expired'>): string {
  const volume = container.balanceMl ? ` (${container.balanceMl} mL)` : '';
  return `${container.label}, ${container.locationName}: ${container.balanceMg} mg${volume}${container.expired ? ', expired' : ''}`;
}
