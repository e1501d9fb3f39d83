// The shape of the reference data a build loads into the store: councils, comparators, figures, Ofsted evidence.
import type { Council, Dataset, Indicator, StatisticalNeighbour } from './council.js';
import type { AreaSendInspection, Provider } from './inspection.js';

export interface ReferenceBundle {
  regions: Array<{ code: string; name: string }>;
  councils: Council[];
  datasets: Dataset[];
  neighbours: StatisticalNeighbour[];
  indicators: Indicator[];
  inspections: AreaSendInspection[];
  providers: Provider[];
}
