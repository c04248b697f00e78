import { z } from 'zod';
import { CONFIG_AREAS } from './areas/config-areas.js';
import type { VariableMeta } from './fields.js';
import { SERVICE_NAMES, type ServiceName } from './service-configs.js';
import { SERVICE_SCHEMAS } from './service-schemas.js';

/** One environment variable as the schemas describe it, for reports and generated documentation. */
export interface VariableInfo extends VariableMeta {
  readonly name: string;
  /** Title of the area it belongs to (`Discord`, `Database`, ...). */
  readonly area: string;
  /** Literal default, as it would be written in `.env`; `undefined` when there is none. */
  readonly default: string | undefined;
  /** Services that read the variable. */
  readonly services: readonly ServiceName[];
  /** Services that refuse to start without it. */
  readonly requiredBy: readonly ServiceName[];
}

interface JsonSchemaProperty extends Partial<VariableMeta> {
  readonly default?: unknown;
}

interface ServiceVariables {
  readonly properties: Readonly<Record<string, JsonSchemaProperty>>;
  readonly required: readonly string[];
}

const cache = new Map<ServiceName, ServiceVariables>();

/** The variables one service reads, from the input side of its schema. */
export function serviceVariables(service: ServiceName): ServiceVariables {
  let entry = cache.get(service);
  if (entry === undefined) {
    const json = z.toJSONSchema(SERVICE_SCHEMAS[service], { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, JsonSchemaProperty>;
      required?: string[];
    };
    entry = { properties: json.properties ?? {}, required: json.required ?? [] };
    cache.set(service, entry);
  }
  return entry;
}

/** Metadata of `name` as seen by `service` (falls back to any service that reads it). */
export function variableMeta(service: ServiceName, name: string): JsonSchemaProperty | undefined {
  return (
    serviceVariables(service).properties[name] ??
    SERVICE_NAMES.map((other) => serviceVariables(other).properties[name]).find((p) => p !== undefined)
  );
}

/** Every variable of every service in area order (see {@link CONFIG_AREAS}), with who reads and who needs it. */
export function describeVariables(): VariableInfo[] {
  const byName = new Map<
    string,
    { property: JsonSchemaProperty; services: ServiceName[]; requiredBy: ServiceName[] }
  >();
  for (const service of SERVICE_NAMES) {
    const { properties, required } = serviceVariables(service);
    for (const [name, property] of Object.entries(properties)) {
      const entry = byName.get(name) ?? { property, services: [], requiredBy: [] };
      // The first service's metadata wins; later ones fill in what it lacks (a default only they have).
      entry.property = { ...property, ...entry.property };
      entry.services.push(service);
      if (required.includes(name)) entry.requiredBy.push(service);
      byName.set(name, entry);
    }
  }
  const order = CONFIG_AREAS.flatMap((area) => area.variables.map((name) => ({ name, area: area.title })));
  const unplaced = [...byName.keys()].filter((name) => !order.some((entry) => entry.name === name));
  if (unplaced.length > 0) throw new Error(`variables missing from CONFIG_AREAS: ${unplaced.join(', ')}`);
  return order.flatMap(({ name, area }) => {
    const entry = byName.get(name);
    if (entry === undefined) return [];
    const { property, services, requiredBy } = entry;
    return [
      {
        name,
        area,
        description: property.description ?? '',
        example: property.example ?? '',
        ...(property.secret === true ? { secret: true } : {}),
        ...(property.defaultText === undefined ? {} : { defaultText: property.defaultText }),
        ...(property.hint === undefined ? {} : { hint: property.hint }),
        default: typeof property.default === 'string' ? property.default : undefined,
        services,
        requiredBy,
      },
    ];
  });
}
