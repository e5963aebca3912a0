/**
 * Property's part of the core world (scripts/seed/world.ts ties the departments together): the two companies, the
 * relocation estates, their buildings and dwellings. Nothing here is random; the world builder decides how many
 * buildings and dwellings there are and in which grid they stand.
 */
import { stableId, type SeedDoc as Doc } from '@cg/kit';

const COMPANIES = [
  { name: '张北县鑫源物业服务有限公司', isFallbackProvider: false },
  { name: '张北县城投兜底物业服务中心', isFallbackProvider: true },
];
const ESTATES = ['义合美新城一区', '义合美新城二区'];
/** Surveyed centres (WGS-84) of the two estates, side by side east of 张北县城. */
const ESTATE_CENTRES = [
  { latitude: 41.158, longitude: 114.705 },
  { latitude: 41.156, longitude: 114.711 },
];

/** Dwellings per entrance (单元): six floors of two. */
const PER_ENTRANCE = 12;

export function propertyPlaces(communityId: string) {
  const companies = COMPANIES.map((c) => ({ _id: stableId('company', c.name), ...c }));
  const estates = ESTATES.map((name, i) => ({
    _id: stableId('estate', name),
    name,
    address: `张北县义合美新城${['东', '西'][i]}街${i + 1}号`,
    ...ESTATE_CENTRES[i],
    communityId,
    propertyCompanyId: companies[i]!._id,
  }));
  const docs = { PropertyCompany: [...companies] as Doc[], Estate: [...estates] as Doc[], Building: [] as Doc[], Unit: [] as Doc[] };
  return {
    docs,
    /** Building number `number` of grid `g` (1-based); the grids take the estates in turn. `label` names it in full. */
    building(g: number, number: number, gridId: string): { building: Doc; label: string } {
      const estate = estates[(g - 1) % estates.length]!;
      const building = { _id: stableId('building', estate._id, `${number}号楼`), number: `${number}号楼`, floors: 6, estateId: estate._id, gridId };
      docs.Building.push(building);
      return { building, label: `${estate.name}${building.number}` };
    },
    /** The `h`th dwelling (0-based) of the building, filling each entrance floor by floor. */
    unit(buildingId: string, h: number): Doc {
      const entrance = `${Math.floor(h / PER_ENTRANCE) + 1}单元`;
      const floor = Math.floor((h % PER_ENTRANCE) / 2) + 1;
      const room = `${floor}0${(h % 2) + 1}`;
      const unit = { _id: stableId('unit', buildingId, entrance, room), buildingId, entrance, floor, room };
      docs.Unit.push(unit);
      return unit;
    },
  };
}
