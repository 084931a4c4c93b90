// The subset of onnx.proto (proto2, package onnx) that our generated models use, declared
// with protobufjs reflection. Field numbers are those of onnx.proto; names keep its
// snake_case so the objects we build read like the spec. Messages we never write
// (sparse tensors, functions, training info, segments) are left out: a decoder skips
// unknown fields and an absent optional field is simply not emitted.
import protobuf from 'protobufjs/light.js';

const repeated = 'repeated' as const;

/** ONNX TensorProto.DataType values (onnx.proto). */
export const OnnxDataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  BOOL: 9,
  FLOAT16: 10,
} as const;

/** ONNX AttributeProto.AttributeType values (onnx.proto). */
export const OnnxAttributeType = {
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
} as const;

const onnxDescriptor = {
  nested: {
    onnx: {
      nested: {
        StringStringEntryProto: {
          fields: {
            key: { type: 'string', id: 1 },
            value: { type: 'string', id: 2 },
          },
        },
        OperatorSetIdProto: {
          fields: {
            domain: { type: 'string', id: 1 },
            version: { type: 'int64', id: 2 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: repeated, type: 'int64', id: 1 },
            data_type: { type: 'int32', id: 2 },
            name: { type: 'string', id: 8 },
            raw_data: { type: 'bytes', id: 9 },
            doc_string: { type: 'string', id: 12 },
          },
        },
        TensorShapeProto: {
          fields: {
            dim: { rule: repeated, type: 'Dimension', id: 1 },
          },
          nested: {
            Dimension: {
              oneofs: { value: { oneof: ['dim_value', 'dim_param'] } },
              fields: {
                dim_value: { type: 'int64', id: 1 },
                dim_param: { type: 'string', id: 2 },
              },
            },
          },
        },
        TypeProto: {
          fields: {
            tensor_type: { type: 'Tensor', id: 1 },
          },
          nested: {
            Tensor: {
              fields: {
                elem_type: { type: 'int32', id: 1 },
                shape: { type: 'TensorShapeProto', id: 2 },
              },
            },
          },
        },
        ValueInfoProto: {
          fields: {
            name: { type: 'string', id: 1 },
            type: { type: 'TypeProto', id: 2 },
            doc_string: { type: 'string', id: 3 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            s: { type: 'bytes', id: 4 },
            t: { type: 'TensorProto', id: 5 },
            floats: { rule: repeated, type: 'float', id: 7 },
            ints: { rule: repeated, type: 'int64', id: 8 },
            strings: { rule: repeated, type: 'bytes', id: 9 },
            doc_string: { type: 'string', id: 13 },
            type: { type: 'int32', id: 20 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: repeated, type: 'string', id: 1 },
            output: { rule: repeated, type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            op_type: { type: 'string', id: 4 },
            attribute: { rule: repeated, type: 'AttributeProto', id: 5 },
            doc_string: { type: 'string', id: 6 },
            domain: { type: 'string', id: 7 },
          },
        },
        GraphProto: {
          fields: {
            node: { rule: repeated, type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: repeated, type: 'TensorProto', id: 5 },
            doc_string: { type: 'string', id: 10 },
            input: { rule: repeated, type: 'ValueInfoProto', id: 11 },
            output: { rule: repeated, type: 'ValueInfoProto', id: 12 },
            value_info: { rule: repeated, type: 'ValueInfoProto', id: 13 },
          },
        },
        ModelProto: {
          fields: {
            ir_version: { type: 'int64', id: 1 },
            producer_name: { type: 'string', id: 2 },
            producer_version: { type: 'string', id: 3 },
            domain: { type: 'string', id: 4 },
            model_version: { type: 'int64', id: 5 },
            doc_string: { type: 'string', id: 6 },
            graph: { type: 'GraphProto', id: 7 },
            opset_import: { rule: repeated, type: 'OperatorSetIdProto', id: 8 },
            metadata_props: { rule: repeated, type: 'StringStringEntryProto', id: 14 },
          },
        },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(onnxDescriptor);

/** The protobufjs type of onnx.ModelProto: `encode(obj).finish()` gives the .onnx bytes. */
export const ModelProtoType = root.lookupType('onnx.ModelProto');
