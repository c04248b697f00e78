import { z } from 'zod';
import type { VariableMeta } from './fields.js';
import { SERVICE_NAMES, type ServiceName } from './service-configs.js';
import { SERVICE_SCHEMAS } from './service-schemas.js';

/** One environment variable as the schemas describe it, for reports and generated documentation. */
export interface VariableInfo extends VariableMeta {
  readonly name: string;
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

/** Every variable of every service, sorted by area order of first appearance, with who needs it. */
export function describeVariables(): VariableInfo[] {
  const byName = new Map<
    string,
    { property: JsonSchemaProperty; services: ServiceName[]; requiredBy: ServiceName[] }
  >();
  for (const service of SERVICE_NAMES) {
    const { properties, required } = serviceVariables(service);
    for (const [name, property] of Object.entries(properties)) {
      const entry = byName.get(name) ?? { property, services: [], requiredBy: [] };
      entry.services.push(service);
      if (required.includes(name)) entry.requiredBy.push(service);
      byName.set(name, entry);
    }
  }
  return [...byName.entries()].map(([name, { property, services, requiredBy }]) => ({
    name,
    description: property.description ?? '',
    example: property.example ?? '',
    ...(property.secret === true ? { secret: true } : {}),
    ...(property.defaultText === undefined ? {} : { defaultText: property.defaultText }),
    ...(property.hint === undefined ? {} : { hint: property.hint }),
    default: typeof property.default === 'string' ? property.default : undefined,
    services,
    requiredBy,
  }));
}
