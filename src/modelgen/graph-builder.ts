// GraphBuilder: write an ONNX graph as straight-line code. Every method returns the name of
// the value it defines, so a layer reads like the maths:
//
//   const g = new GraphBuilder('demo');
//   const x = g.input('x', 'float32', ['batch_size', 4]);
//   const w = g.initializer('w', float32Tensor([4, 2], weights));
//   const y = g.op('MatMul', [x, w]);
//   g.output(g.op('Relu', [y]), 'float32', ['batch_size', 2], 'y');
//   const bytes = encodeOnnxModel(g.build());
//
// Generated names are counters under the current scope ("layers.0/MatMul_12"), so the same
// sequence of calls always yields the same graph and the same bytes.
import type { Attributes, Dim, Initializer, NodeSpec, OnnxGraph, ValueInfo } from './graph.ts';
import { float32Tensor, int64Tensor, type ElemType, type TensorData } from './tensor-data.ts';

/** Constants up to this size are shared when the same value is asked for twice. */
const SHARED_CONSTANT_MAX_BYTES = 256;

export class GraphBuilder {
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly initializers: Initializer[] = [];
  private readonly nodes: NodeSpec[] = [];
  private readonly defined = new Set<string>();
  private readonly sharedConstants = new Map<string, string>();
  private readonly scopes: string[] = [];
  private counter = 0;

  constructor(readonly name: string) {}

  /** Declare a graph input. Symbolic dims (strings) name sizes fixed only at run time. */
  input(name: string, elemType: ElemType, dims: readonly Dim[]): string {
    this.define(name);
    this.inputs.push({ name, elemType, dims: [...dims] });
    return name;
  }

  /**
   * Declare `value` a graph output. When `name` differs from the value's name an Identity
   * node renames it, so internal names never leak into the model's interface.
   */
  output(value: string, elemType: ElemType, dims: readonly Dim[], name: string = value): void {
    this.requireDefined(value, `output ${name}`);
    const outputName = name === value ? value : this.op('Identity', [value], {}, name);
    this.outputs.push({ name: outputName, elemType, dims: [...dims] });
  }

  /** A named constant tensor (a weight). Names are used as given, not scoped. */
  initializer(name: string, tensor: TensorData): string {
    this.define(name);
    this.initializers.push({ name, tensor });
    return name;
  }

  /** An anonymous constant; small ones with equal content are stored once. */
  constant(tensor: TensorData): string {
    const small = tensor.raw.length <= SHARED_CONSTANT_MAX_BYTES;
    const key = small ? `${tensor.elemType}[${tensor.dims.join(',')}]${Array.from(tensor.raw).join(',')}` : '';
    const existing = small ? this.sharedConstants.get(key) : undefined;
    if (existing !== undefined) return existing;
    const name = this.initializer(this.freshName('const'), tensor);
    if (small) this.sharedConstants.set(key, name);
    return name;
  }

  /** int64 constant; a 1-D vector by default, pass `dims` [] for a scalar. */
  int64s(values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.constant(int64Tensor(dims, values));
  }

  /** float32 constant; a 1-D vector by default, pass `dims` [] for a scalar. */
  floats(values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.constant(float32Tensor(dims, values));
  }

  /** Add a node with one output; returns the output's name (`output` if given). */
  op(opType: string, inputs: readonly string[], attributes: Attributes = {}, output?: string): string {
    const [name] = this.opMulti(opType, inputs, 1, attributes, output === undefined ? undefined : [output]);
    return name as string;
  }

  /** Add a node with several outputs (Split, TopK, ...); returns their names in order. */
  opMulti(
    opType: string,
    inputs: readonly string[],
    outputCount: number,
    attributes: Attributes = {},
    outputs?: readonly string[],
    domain = '',
  ): string[] {
    const nodeName = this.freshName(opType);
    for (const input of inputs) if (input !== '') this.requireDefined(input, `input of ${nodeName}`);
    const names = outputs ? [...outputs] : Array.from({ length: outputCount }, (_, i) => `${nodeName}_out${i}`);
    if (names.length !== outputCount) throw new Error(`${nodeName}: ${outputCount} outputs, ${names.length} names`);
    for (const name of names) this.define(name);
    this.nodes.push({ name: nodeName, opType, inputs: [...inputs], outputs: names, attributes, domain });
    return names;
  }

  /** Run `body` with generated names prefixed by `scope` (nested scopes join with '/'). */
  scope<T>(scope: string, body: () => T): T {
    this.scopes.push(scope);
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  build(): OnnxGraph {
    if (this.outputs.length === 0) throw new Error(`graph ${this.name} has no outputs`);
    return {
      name: this.name,
      inputs: [...this.inputs],
      outputs: [...this.outputs],
      initializers: [...this.initializers],
      nodes: [...this.nodes],
    };
  }

  private freshName(base: string): string {
    this.counter += 1;
    const prefix = this.scopes.length > 0 ? `${this.scopes.join('/')}/` : '';
    return `${prefix}${base}_${this.counter}`;
  }

  private define(name: string): void {
    if (name === '') throw new Error('value names must not be empty');
    if (this.defined.has(name)) throw new Error(`value ${name} is defined twice`);
    this.defined.add(name);
  }

  private requireDefined(name: string, role: string): void {
    if (!this.defined.has(name)) throw new Error(`${role}: value ${name} is not defined yet`);
  }
}
