// The Node.js side of benchmarks/pass_generation.py: builds and signs the same passes with
// passkit-generator, from the files the Python side wrote to the job folder given as argv[2].
// Prints one JSON line: milliseconds per pass for a cold and a warm round, and peak RSS.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PKPass } from "passkit-generator";

const job = process.argv[2];
const read = (name) => readFileSync(join(job, name));
const spec = JSON.parse(read("job.json"));
const certificates = {
  signerCert: read("pass.pem").toString(),
  signerKey: read("pass.key").toString(),
  wwdr: read("root.pem").toString(),
};
// Every input is in memory before the clock starts, as a server would keep its templates.
const blobs = Object.fromEntries(spec.blobs.map((digest) => [digest, read(`blobs/${digest}`)]));
const cards = spec.cards.map((card) => ({
  passJson: Buffer.from(JSON.stringify(card.pass)),
  files: Object.entries(card.files).map(([name, digest]) => [name, blobs[digest]]),
}));

function build(card) {
  const buffers = Object.fromEntries(card.files);
  buffers["pass.json"] = card.passJson;
  return new PKPass(buffers, certificates).getAsBuffer();
}

function round() {
  const millis = [];
  const started = process.hrtime.bigint();
  for (const card of cards) {
    const start = process.hrtime.bigint();
    build(card);
    millis.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { millis, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const cold = round();
const warm = round();
writeFileSync(join(job, "node-sample.pkpass"), build(cards[0])); // checked with openssl
const version = JSON.parse(readFileSync(new URL("./node_modules/passkit-generator/package.json", import.meta.url))).version;
console.log(JSON.stringify({ version, cold, warm, peak_rss_kb: process.resourceUsage().maxRSS }));
