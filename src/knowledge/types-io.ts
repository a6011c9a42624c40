/**
 * The schema of what we know about external I/O: HTTP clients, Node's network, file and process
 * modules, cloud SDKs, mail, payment and messaging services, caches and queues, sleeps.
 *
 * An I/O library is a library like the database ones (`modules`, `packages`, `factories`,
 * `instanceTypes`), so the import engine tracks its exports, the objects its factories make and
 * the values annotated with its classes in the same single scan; `io` says which calls are I/O.
 * One file per library in `src/knowledge/io/`, listed in `src/knowledge/io/index.ts`.
 */
import type { LibraryKnowledge } from './types';

/** Methods of an object the library made (`new S3Client()`), or a value annotated with one of its classes. */
export interface IoMethodsSpec {
  /** The kind of object, as a factory's `creates` or an `instanceTypes` value names it. */
  readonly instanceOf: string;
  /** The methods that are I/O, or `'*'`: every method except those in `except`. */
  readonly methods: readonly string[] | '*';
  readonly except?: readonly string[];
  /**
   * Also methods of the objects reached from the instance: `stripe.customers.create()`,
   * `storage.bucket(name).file(path).save(data)`, `const producer = kafka.producer()` … `producer.send()`.
   */
  readonly deep?: boolean;
}

/** A call that is I/O: an exported function (`readFile`, `promises.readFile`, `default` when the module itself is called: `got(url)`), or methods of an instance. */
export type IoCallSpec = { readonly export: string } | IoMethodsSpec;

export interface IoKnowledge {
  /** What a call does, for the message: "an HTTP request", "file-system access". */
  readonly what: string;
  /** What the transaction waits on meanwhile, for the message: "the network", "the disk". */
  readonly waitsOn: string;
  readonly calls: readonly IoCallSpec[];
  /** Global functions that are this I/O unless the file declares its own: `fetch`. */
  readonly globals?: readonly string[];
  /** Global timers that make `new Promise((resolve) => setTimeout(resolve, ms))` a sleep. */
  readonly promiseTimers?: readonly string[];
  /**
   * Typed mode: names of types declared in the library's packages that an I/O call resolves to
   * (`AxiosResponse`, `Response`); a leading `*` matches a suffix (`*CommandOutput`). A call
   * whose promise (or observable) resolves to one is I/O, wherever it is declared.
   */
  readonly resultTypes?: readonly string[];
}

export interface IoLibraryKnowledge extends LibraryKnowledge {
  readonly io: IoKnowledge;
}
