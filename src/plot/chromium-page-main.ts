import * as fs from "node:fs";
import { type EvaluateOptions, evaluateInPage } from "./chromium-page";

/**
 * The child process of evaluateInPageSync: `node chromium-page-main.js REQUEST REPLY` reads { url, expression, opts }
 * from the REQUEST file, runs evaluateInPage and writes { value } or { error } to the REPLY file.
 */
async function main(request: string, reply: string): Promise<void> {
  const { url, expression, opts } = JSON.parse(fs.readFileSync(request, "utf8")) as {
    url: string;
    expression: string;
    opts: EvaluateOptions;
  };
  try {
    fs.writeFileSync(reply, JSON.stringify({ value: (await evaluateInPage(url, expression, opts)) ?? null }));
  } catch (e) {
    fs.writeFileSync(reply, JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
  }
}

if (require.main === module) void main(process.argv[2], process.argv[3]);
