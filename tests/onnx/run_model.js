#!/usr/bin/env node
// Runs ONNX models in ONNX Runtime (npm onnxruntime-node) for Oficina's ONNX parity tests.
//
//   node run_model.js MODEL.onnx INPUTS.json [OUTPUTS.json]
//       one run; the outputs go to OUTPUTS.json or stdout
//   node run_model.js --serve
//       one JSON request per stdin line, one JSON answer per stdout line:
//       {"model": PATH, "inputs": {...}} → {"outputs": {...}} or {"error": "..."}
//   node run_model.js --check
//       loads ONNX Runtime and runs a one-node model; prints the version
//
// ONNX Runtime is looked up in $OFICINA_ORT_DIR/node_modules (tests/onnx/install_ort.sh puts it
// there), else where Node finds modules.
// Tensors in JSON: {"type": "float"|"double"|"int64"|"string"|"bool", "dims": [...], "data": [...]}
// with null for NaN (JSON has no NaN) and int64 as plain numbers.
'use strict';

const fs = require('fs');
const path = require('path');

function loadOrt() {
    const dir = process.env.OFICINA_ORT_DIR;
    return require(dir ? path.join(dir, 'node_modules', 'onnxruntime-node') : 'onnxruntime-node');
}

const ort = loadOrt();

const arrays = {
    float: Float32Array,
    double: Float64Array,
};

function toTensor(name, t) {
    const dims = t.dims;
    switch (t.type) {
    case 'float':
    case 'double':
        return new ort.Tensor(t.type === 'float' ? 'float32' : 'float64',
                              arrays[t.type].from(t.data, v => (v === null ? NaN : v)), dims);
    case 'int64':
        return new ort.Tensor('int64', BigInt64Array.from(t.data, v => BigInt(v)), dims);
    case 'bool':
        return new ort.Tensor('bool', Uint8Array.from(t.data, v => (v ? 1 : 0)), dims);
    case 'string':
        return new ort.Tensor('string', t.data.map(String), dims);
    default:
        throw new Error(`input '${name}': unknown type '${t.type}'`);
    }
}

function fromTensor(t) {
    const type = { float32: 'float', float64: 'double', int64: 'int64', string: 'string',
                   bool: 'bool' }[t.type] || t.type;
    let data;
    if (t.type === 'int64') data = Array.from(t.data, v => Number(v));
    else if (t.type === 'string') data = Array.from(t.data);
    else if (t.type === 'bool') data = Array.from(t.data, v => v !== 0);
    else data = Array.from(t.data, v => (Number.isNaN(v) ? null : v));
    return { type, dims: Array.from(t.dims, Number), data };
}

async function run(modelPath, inputs) {
    const session = await ort.InferenceSession.create(modelPath);
    const feeds = {};
    for (const [name, t] of Object.entries(inputs)) feeds[name] = toTensor(name, t);
    const results = await session.run(feeds);
    const outputs = {};
    for (const name of session.outputNames) outputs[name] = fromTensor(results[name]);
    return outputs;
}

// A one-node model (y = Identity(x), float [1]) written out by hand in protobuf's wire format,
// so the check needs no file: ModelProto{ir_version 8, opset 17, graph}.
function identityModel() {
    const varint = n => {
        const bytes = [];
        do {
            let b = n & 0x7f;
            n >>>= 7;
            if (n) b |= 0x80;
            bytes.push(b);
        } while (n);
        return bytes;
    };
    const field = (num, bytes) => [...varint((num << 3) | 2), ...varint(bytes.length), ...bytes];
    const int = (num, v) => [...varint(num << 3), ...varint(v)];
    const str = (num, s) => field(num, [...Buffer.from(s, 'utf8')]);
    const valueInfo = name => [...str(1, name),
        ...field(2, field(1, [...int(1, 1), ...field(2, field(1, int(1, 1)))]))];
    const node = [...str(1, 'x'), ...str(2, 'y'), ...str(4, 'Identity')];
    const graph = [...field(1, node), ...str(2, 'check'), ...field(11, valueInfo('x')),
                   ...field(12, valueInfo('y'))];
    return Uint8Array.from([...int(1, 8), ...field(8, int(2, 17)), ...field(7, graph)]);
}

async function check() {
    const session = await ort.InferenceSession.create(identityModel());
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from([2.5]), [1]) });
    if (out.y.data[0] !== 2.5) throw new Error('the one-node check model gave a wrong result');
    const version = (ort.env && ort.env.versions && ort.env.versions.node) || 'unknown';
    console.log(`onnxruntime-node ${version} loads and runs`);
}

async function serve() {
    const readline = require('readline');
    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    for await (const line of lines) {
        if (!line.trim()) continue;
        let answer;
        try {
            const request = JSON.parse(line);
            answer = { outputs: await run(request.model, request.inputs) };
        } catch (e) {
            answer = { error: String(e && e.message ? e.message : e) };
        }
        process.stdout.write(JSON.stringify(answer) + '\n');
    }
}

async function main() {
    const args = process.argv.slice(2);
    if (args[0] === '--check') return check();
    if (args[0] === '--serve') return serve();
    if (args.length < 2) {
        console.error('usage: run_model.js MODEL.onnx INPUTS.json [OUTPUTS.json]');
        console.error('       run_model.js --serve | --check');
        process.exit(2);
    }
    const outputs = await run(args[0], JSON.parse(fs.readFileSync(args[1], 'utf8')));
    const text = JSON.stringify(outputs) + '\n';
    if (args[2]) fs.writeFileSync(args[2], text);
    else process.stdout.write(text);
}

main().catch(e => {
    console.error(`run_model.js: ${e && e.message ? e.message : e}`);
    process.exit(1);
});
