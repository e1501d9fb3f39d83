// The shape of the reference data a build loads into the store: councils, comparators, figures, Ofsted evidence.
import type { AreaSendInspection, Council, Dataset, Indicator, Provider, StatisticalNeighbour } from '../domain/index.js';

export interface ReferenceBundle {
  regions: Array<{ code: string; name: string }>;
  councils: Council[];
  datasets: Dataset[];
  neighbours: StatisticalNeighbour[];
  indicators: Indicator[];
  inspections: AreaSendInspection[];
  providers: Provider[];
}
