import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as api from "../src/index";

describe("README", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");

  it("starts with the install-and-demo command and the test command", () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme);
    assert.ok(firstBlock, "README has no sh block");
    const lines = firstBlock[1]
      .trim()
      .split("\n")
      .map((l) => l.split("#")[0].trim());
    assert.equal(lines[0], "npm ci && npm run demo");
    assert.equal(lines[1], "npm test");
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    assert.ok(pkg.scripts.demo && pkg.scripts.test);
  });

  it("imports only names that the package exports", () => {
    const block = /```ts\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, "README has no ts block");
    const imports = /import \{([\s\S]*?)\} from "qsoft"/.exec(block[1]);
    assert.ok(imports);
    const names = imports[1]
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const exported = api as unknown as Record<string, unknown>;
    for (const name of names)
      assert.notEqual(exported[name], undefined, `README imports ${name}, which qsoft does not export`);
  });
});
