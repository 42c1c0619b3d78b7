/**
 * The route table: every route is declared once with its method, path, who may call it and a
 * summary. Declaring it registers the express handler AND its OpenAPI operation, so the
 * document cannot miss a route (a test walks express's router to make sure).
 */
import type { NextFunction, Request, Response, Router } from 'express';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Handler = (req: Request, res: Response, next: NextFunction) => unknown;

export interface RouteSpec {
  readonly method: Method;
  /** express path, e.g. `/api/v1/log/entries/:index` or `/tlog/tile/*path`. */
  readonly path: string;
  readonly summary: string;
  /** Who may call it: `any` for public routes, else role names. */
  readonly who: readonly string[];
  readonly query?: Readonly<Record<string, string>>;
  /** Response media type of a 200 (default application/json). */
  readonly produces?: string;
  readonly tag: string;
}

export class RouteTable {
  private readonly specs: RouteSpec[] = [];

  constructor(private readonly router: Router) {}

  add(spec: RouteSpec, ...handlers: Handler[]): void {
    this.specs.push(spec);
    this.router[spec.method](spec.path, ...handlers);
  }

  routes(): readonly RouteSpec[] {
    return this.specs;
  }
}

/** express path → OpenAPI path (`:id` → `{id}`, `*path` → `{path}`). */
export function openApiPath(path: string): string {
  return path.replace(/[:*]([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** The OpenAPI 3.1 document of the declared routes. */
export function openApiDocument(
  specs: readonly RouteSpec[],
  version: string,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const s of specs) {
    const p = openApiPath(s.path);
    const params = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = Object.entries(s.query ?? {}).map(([name, description]) => ({
      name,
      in: 'query',
      required: false,
      description,
      schema: { type: 'string' },
    }));
    (paths[p] ??= {})[s.method] = {
      summary: s.summary,
      tags: [s.tag],
      'x-huicun-who': s.who,
      parameters: [...params, ...query],
      ...(s.who.includes('any') ? { security: [] } : { security: [{ bearer: [] }] }),
      responses: {
        '200': { description: 'OK', content: { [s.produces ?? 'application/json']: {} } },
        default: {
          description: 'Error `{"error":{"code","message"}}`',
          content: { 'application/json': {} },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'huicun 汇存 API', version },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}
