// node ajv_check.js SCHEMA FILE...: validates each FILE (JSON when it ends in .json or
// .sarif, else YAML read as YAML 1.2, as editors read it) against the JSON Schema SCHEMA
// with ajv and ajv-formats; prints each rejected file with ajv's errors; exit 1 when any is
// rejected, 2 when a file cannot be read or parsed. The draft is taken from the schema's
// $schema (draft-07, 2019-09 or 2020-12).
"use strict";
const fs = require("fs");
const YAML = require("yaml");
const addFormats = require("ajv-formats");

const [schemaPath, ...files] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
const draft = schema.$schema || "";
const Ajv = draft.includes("2020-12")
  ? require("ajv/dist/2020")
  : draft.includes("2019-09")
    ? require("ajv/dist/2019")
    : require("ajv");
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let rejected = 0;
for (const file of files) {
  let data;
  try {
    const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    data = /\.(json|sarif)$/.test(file) ? JSON.parse(text) : YAML.parse(text, { version: "1.2" });
  } catch (e) {
    console.log(`${file}: cannot be read as data: ${e.message}`);
    process.exit(2);
  }
  if (!validate(data)) {
    rejected++;
    const errors = validate.errors.slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message}`);
    console.log(`${file}: rejected: ${errors.join("; ")}`);
  }
}
console.log(`ajv: ${files.length - rejected} of ${files.length} files valid`);
process.exit(rejected ? 1 : 0);
