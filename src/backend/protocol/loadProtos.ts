/**
 * Loads the plugin's own .proto files into a gRPC package definition. In the packaged binary they
 * are Node single-executable assets; in tests and `tsx` runs they are read from ./proto beside this
 * file (or beside the bundle). Never from the working directory: Grafana starts the plugin in its own
 * cwd.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromJSON, type PackageDefinition } from '@grpc/proto-loader';
import * as protobuf from 'protobufjs';

export const PROTO_FILES = ['backend.proto', 'grpc_controller.proto', 'health.proto'] as const;

interface SeaModule {
  isSea(): boolean;
  getAsset(key: string, encoding: string): string;
}

function seaModule(): SeaModule | undefined {
  try {
    const sea = require('node:sea') as SeaModule;
    return sea.isSea() ? sea : undefined;
  } catch {
    return undefined; // Node without SEA support: not a packaged binary
  }
}

/** Reads one .proto file's text: SEA asset first, then ./proto beside this module. */
export function readProtoText(name: string): string {
  const sea = seaModule();
  if (sea !== undefined) {
    return sea.getAsset(name, 'utf8');
  }
  return fs.readFileSync(path.join(__dirname, 'proto', name), 'utf8');
}

/** Parses all protocol files and returns the package definition grpc-js serves. */
export function loadProtocol(): PackageDefinition {
  const root = new protobuf.Root();
  for (const name of PROTO_FILES) {
    protobuf.parse(readProtoText(name), root, { keepCase: true });
  }
  root.resolveAll();
  return fromJSON(root.toJSON(), {
    keepCase: true,
    longs: Number, // epoch milliseconds and ids fit in a double
    enums: String,
    bytes: Buffer,
    defaults: true,
    oneofs: true,
  });
}
