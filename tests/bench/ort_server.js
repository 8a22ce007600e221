#!/usr/bin/env node
// The serving bench's peer: ONNX Runtime (npm onnxruntime-node) behind Node's HTTP server,
// answering the Open Inference Protocol v2 inference request as `oficina-cli serve` does, for
// the ONNX export of the same fitted pipeline (run_serve_bench.sh).
//
//   node ort_server.js --port PORT --workers N NAME=MODEL.onnx [NAME=MODEL.onnx...]
//
// Node answers requests on one thread per process: the `cluster` module forks N worker
// processes sharing the listening socket, each holding its own sessions with one ONNX Runtime
// thread (N workers with a pool of threads each would only fight over the cores). Routes:
//   GET  /v2/health/ready                → 200 {"ready": true} in every worker
//   POST /v2/models/NAME/infer           → {"model_name", "model_version": "1", "id"?,
//        "outputs": [{"name": "label", "datatype": "BYTES", "shape": [N], "data"},
//                    {"name": "probabilities", "datatype": "FP64", "shape": [N, K],
//                     "parameters": {"classes"}, "data"}]}
// The request carries one tensor per raw column, shape [N] (or [N, 1]), FP64 numbers with
// "NaN" for a missing one; the exported graph takes each as a [N, 1] double tensor. The
// classes come from the model card Oficina writes beside the .onnx (MODEL.md).
// ONNX Runtime is looked up in $OFICINA_ORT_DIR/node_modules (tests/onnx/install_ort.sh).
'use strict';

const cluster = require('cluster');
const fs = require('fs');
const http = require('http');
const path = require('path');

function parseArgs(argv) {
    const options = { port: 8081, workers: 1, models: [] };
    for (let i = 0; i < argv.length; ++i) {
        const a = argv[i];
        if (a === '--port') options.port = Number(argv[++i]);
        else if (a === '--workers') options.workers = Math.max(1, Number(argv[++i]));
        else if (a.includes('=')) {
            const at = a.indexOf('=');
            options.models.push({ name: a.slice(0, at), file: a.slice(at + 1) });
        } else {
            console.error(`ort_server.js: unknown argument ${a}`);
            process.exit(2);
        }
    }
    if (!options.models.length) {
        console.error('usage: ort_server.js --port PORT --workers N NAME=MODEL.onnx...');
        process.exit(2);
    }
    return options;
}

/// The class order of the probability columns, from the card beside the model.
function classesOf(file) {
    const card = file.replace(/\.onnx$/, '.md');
    const text = fs.existsSync(card) ? fs.readFileSync(card, 'utf8') : '';
    const line = /Classes, in the order of the probability columns: (.*)\.\s*$/m.exec(text);
    return line ? line[1].split(', ') : [];
}

const options = parseArgs(process.argv.slice(2));

if (cluster.isPrimary) {
    let ready = 0;
    let stopping = false;
    for (let i = 0; i < options.workers; ++i) cluster.fork();
    cluster.on('message', (worker, message) => {
        if (message === 'ready' && ++ready === options.workers)
            console.error(`ort_server: ${options.workers} workers serving on ` +
                          `http://127.0.0.1:${options.port}`);
    });
    cluster.on('exit', (worker, code, signal) => {
        if (!stopping) {
            console.error(`ort_server: a worker exited (${signal || code})`);
            process.exit(1);
        }
    });
    const stop = () => {
        stopping = true;
        for (const id in cluster.workers) cluster.workers[id].kill();
        process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
} else {
    const dir = process.env.OFICINA_ORT_DIR;
    const ort = require(dir ? path.join(dir, 'node_modules', 'onnxruntime-node')
                            : 'onnxruntime-node');
    main(ort).catch(e => {
        console.error(`ort_server.js: ${e && e.message ? e.message : e}`);
        process.exit(1);
    });
}

function reply(res, status, body) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json',
                            'Content-Length': Buffer.byteLength(text) });
    res.end(text);
}

async function main(ort) {
    const models = new Map();
    for (const { name, file } of options.models) {
        const session = await ort.InferenceSession.create(file, {
            intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential',
            graphOptimizationLevel: 'all' });
        models.set(name, { session, inputs: new Set(session.inputNames), classes: classesOf(file) });
    }

    async function infer(model, name, body) {
        const request = JSON.parse(body);
        if (!request || !Array.isArray(request.inputs))
            return [400, { error: 'the request must be a JSON object with "inputs"' }];
        const feeds = {};
        let rows = -1;
        for (const tensor of request.inputs) {
            if (!tensor || !model.inputs.has(tensor.name))
                return [400, { error: `unknown input "${tensor && tensor.name}"` }];
            if (!Array.isArray(tensor.data) || !Array.isArray(tensor.shape))
                return [400, { error: `input "${tensor.name}" needs "shape" and "data"` }];
            const data = tensor.data.flat();
            const values = new Float64Array(data.length);
            for (let i = 0; i < data.length; ++i) {
                const v = data[i];
                if (typeof v === 'number') values[i] = v;
                else if (v === 'NaN') values[i] = NaN;
                else return [400, { error: `input "${tensor.name}", row ${i}: not a number` }];
            }
            if (tensor.shape[0] !== values.length || (rows >= 0 && rows !== values.length))
                return [400, { error: `input "${tensor.name}": wrong number of values` }];
            rows = values.length;
            feeds[tensor.name] = new ort.Tensor('float64', values, [values.length, 1]);
        }
        for (const input of model.inputs)
            if (!(input in feeds)) return [400, { error: `input "${input}" is missing` }];
        const results = await model.session.run(feeds);
        const outputs = [{ name: 'label', datatype: 'BYTES', shape: [rows],
                           data: Array.from(results.label.data) }];
        if (results.probabilities) {
            const p = results.probabilities;
            outputs.push({ name: 'probabilities', datatype: 'FP64', shape: Array.from(p.dims),
                           parameters: { classes: model.classes },
                           data: Array.from(p.data, v => (Number.isFinite(v) ? v : 'NaN')) });
        }
        const answer = { model_name: name, model_version: '1' };
        if (request.id !== undefined) answer.id = request.id;
        answer.outputs = outputs;
        return [200, answer];
    }

    const server = http.createServer((req, res) => {
        const url = req.url.split('?')[0];
        if (req.method === 'GET' && url === '/v2/health/ready')
            return reply(res, 200, { ready: true });
        const match = /^\/v2\/models\/([^/]+)\/infer$/.exec(url);
        if (!match) return reply(res, 404, { error: `no route ${url}` });
        if (req.method !== 'POST') return reply(res, 405, { error: 'POST only' });
        const model = models.get(match[1]);
        if (!model) return reply(res, 404, { error: `unknown model "${match[1]}"` });
        const chunks = [];
        req.on('data', chunk => chunks.push(chunk));
        req.on('end', () => {
            infer(model, match[1], Buffer.concat(chunks).toString('utf8'))
                .then(([status, body]) => reply(res, status, body))
                .catch(e => reply(res, 400, { error: String(e && e.message ? e.message : e) }));
        });
    });
    server.keepAliveTimeout = 5000;
    server.listen(options.port, '127.0.0.1', () => process.send('ready'));
}
