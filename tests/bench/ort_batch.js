#!/usr/bin/env node
// The serving bench's batch peer: what `oficina-cli predict MODEL IN.csv -o OUT.csv` does, with
// ONNX Runtime (npm onnxruntime-node) on the ONNX export of the same pipeline: reads a numeric
// CSV with a header row whose columns are the graph's inputs, runs it in blocks of rows, and
// writes the predicted labels as CSV under the header `prediction` (the same bytes as predict's
// output). ONNX Runtime uses its default threads (all cores).
//   node ort_batch.js MODEL.onnx IN.csv OUT.csv
// Prints one JSON line on stderr: rows and the seconds spent reading, predicting and writing.
'use strict';

const fs = require('fs');
const path = require('path');

const dir = process.env.OFICINA_ORT_DIR;
const ort = require(dir ? path.join(dir, 'node_modules', 'onnxruntime-node') : 'onnxruntime-node');

const BLOCK = 100000;

/// The CSV's columns as Float64Arrays: a byte scanner; plain decimals are read exactly as
/// digits / 10^k (both exact in a double, the quotient correctly rounded), anything else by
/// parseFloat.
function readCsv(file) {
    const bytes = fs.readFileSync(file);
    let at = bytes.indexOf(10);
    const header = bytes.toString('utf8', 0, at).replace(/\r$/, '').split(',');
    ++at;
    let rows = 0;
    for (let i = at; i < bytes.length; ++i)
        if (bytes[i] === 10) ++rows;
    if (bytes.length > at && bytes[bytes.length - 1] !== 10) ++rows;
    const columns = header.map(() => new Float64Array(rows));
    const pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let row = 0;
    let col = 0;
    while (at < bytes.length && row < rows) {
        const start = at;
        let negative = false;
        if (bytes[at] === 45) { negative = true; ++at; }
        let mantissa = 0;
        let digits = 0;
        let scale = 0;
        let plain = true;
        let c = bytes[at];
        while (c >= 48 && c <= 57) { mantissa = mantissa * 10 + (c - 48); ++digits; c = bytes[++at]; }
        if (c === 46) {
            c = bytes[++at];
            while (c >= 48 && c <= 57) {
                mantissa = mantissa * 10 + (c - 48); ++digits; ++scale; c = bytes[++at];
            }
        }
        while (at < bytes.length && c !== 44 && c !== 10 && c !== 13) { plain = false; c = bytes[++at]; }
        let value;
        if (plain && digits > 0 && digits <= 15) {
            value = mantissa / pow10[scale];
            if (negative) value = -value;
        } else {
            const text = bytes.toString('latin1', start, at);
            value = text === '' ? NaN : parseFloat(text);
        }
        columns[col][row] = value;
        if (c === 13) c = bytes[++at];
        ++at;
        if (c === 44) {
            ++col;
        } else {
            if (col !== header.length - 1) throw new Error(`row ${row + 1}: ${col + 1} cells`);
            col = 0;
            ++row;
        }
    }
    return { header, columns, rows };
}

async function main() {
    const [model, input, output] = process.argv.slice(2);
    if (!output) {
        console.error('usage: ort_batch.js MODEL.onnx IN.csv OUT.csv');
        process.exit(2);
    }
    const t0 = process.hrtime.bigint();
    const session = await ort.InferenceSession.create(model, { graphOptimizationLevel: 'all' });
    const { header, columns, rows } = readCsv(input);
    const t1 = process.hrtime.bigint();
    const labels = new Array(rows);
    for (let start = 0; start < rows; start += BLOCK) {
        const n = Math.min(BLOCK, rows - start);
        const feeds = {};
        for (const name of session.inputNames) {
            const c = header.indexOf(name);
            if (c < 0) throw new Error(`the CSV has no column ${name}`);
            feeds[name] = new ort.Tensor('float64', columns[c].subarray(start, start + n), [n, 1]);
        }
        const result = await session.run(feeds, ['label']);
        const data = result.label.data;
        for (let i = 0; i < n; ++i) labels[start + i] = data[i];
    }
    const t2 = process.hrtime.bigint();
    fs.writeFileSync(output, 'prediction\n' + labels.join('\n') + '\n');
    const t3 = process.hrtime.bigint();
    const s = (a, b) => Number(b - a) / 1e9;
    console.error(JSON.stringify({ rows, read_s: s(t0, t1), predict_s: s(t1, t2), write_s: s(t2, t3) }));
}

main().catch(e => {
    console.error(`ort_batch.js: ${e && e.message ? e.message : e}`);
    process.exit(1);
});
