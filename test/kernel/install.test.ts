import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkoutRoot } from "../../kernel/run-notebooks";

/**
 * kernel/install.sh with a Jupyter that is not Debian's: stub executables put first on PATH record their arguments
 * (the real /usr/bin/jupyter, if any, comes later on PATH and must not be used).
 */

const script = path.join(checkoutRoot, "kernel", "install.sh");

/** A bash stub that appends its name and arguments to $STUB_LOG, then runs `body`. */
function stub(dir: string, name: string, body = ""): void {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/bash\necho "${name} $*" >> "$STUB_LOG"\n${body}\n`);
  fs.chmodSync(file, 0o755);
}

/**
 * A Jupyter that answers like jupyter_core: `nbconvert --version`, `kernelspec install` (copies the kernel folder to
 * $STUB_COPY, as Jupyter copies it to its data folder) and `kernelspec list` (the qsoft-ts kernel of the first
 * JUPYTER_PATH entry, if that entry holds one).
 */
const JUPYTER_BODY = `
case "$1 $2" in
  "nbconvert --version") echo 7.16.4 ;;
  "kernelspec install") /bin/cp -r "\${@: -1}" "$STUB_COPY" ;;
  "kernelspec list")
    first="\${JUPYTER_PATH%%:*}"
    echo "Available kernels:"
    [ -f "$first/kernels/qsoft-ts/kernel.json" ] && echo "  qsoft-ts    $first/kernels/qsoft-ts" ;;
  *) exit 1 ;;
esac`;

interface Run {
  status: number | null;
  out: string;
  log: string[];
}

describe("kernel/install.sh: any Jupyter on PATH, apt offered only on Debian without one (issue 17)", () => {
  let tmp = "";
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-install-"));
  });
  afterEach(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  function run(args: string[], pathDirs: string[], env: Record<string, string> = {}): Run {
    const log = path.join(tmp, "stub.log");
    fs.writeFileSync(log, "");
    const r = spawnSync("/bin/bash", [script, ...args], {
      encoding: "utf8",
      env: {
        HOME: tmp,
        PATH: pathDirs.join(path.delimiter),
        STUB_LOG: log,
        STUB_COPY: path.join(tmp, "installed-kernel"),
        ...env,
      },
    });
    const lines = fs.readFileSync(log, "utf8").split("\n").filter(Boolean);
    return { status: r.status, out: r.stdout + r.stderr, log: lines };
  }

  it("uses a pip/conda-style jupyter found first on PATH: kernelspec install --user of this checkout's tslab, no dpkg-query or apt-get", () => {
    const bin = path.join(tmp, "bin");
    fs.mkdirSync(bin);
    stub(bin, "jupyter", JUPYTER_BODY);
    stub(bin, "dpkg-query", "exit 1");
    stub(bin, "apt-get", "exit 1");
    stub(bin, "chrome-stub");
    const r = run(["--headless"], [bin, process.env.PATH ?? "/usr/bin:/bin"], {
      QSOFT_CHROMIUM: path.join(bin, "chrome-stub"),
    });
    assert.equal(r.status, 0, r.out);
    assert.deepEqual(
      r.log.filter((l) => !l.startsWith("jupyter ")),
      [],
      "only the stub jupyter was called (no dpkg-query, apt-get or Chromium run)",
    );
    const install = r.log.find((l) => l.startsWith("jupyter kernelspec install"));
    assert.match(install ?? "", /^jupyter kernelspec install --user --replace --name qsoft-ts \/\S+\/qsoft-ts$/);
    assert.ok(r.log.includes("jupyter nbconvert --version"));
    assert.ok(r.log.includes("jupyter kernelspec list"));
    const spec = JSON.parse(fs.readFileSync(path.join(tmp, "installed-kernel", "kernel.json"), "utf8")) as {
      argv: string[];
    };
    assert.equal(spec.argv[0], path.join(checkoutRoot, "node_modules", ".bin", "tslab"));
    assert.deepEqual(spec.argv.slice(1), ["kernel", "--config-path", "{connection_file}"]);
    assert.match(r.out, new RegExp(`Kernel qsoft-ts ready with ${path.join(bin, "jupyter")}`));
    assert.match(r.out, /Chromium for PNG figures: .*chrome-stub/);
  });

  it("--sys-prefix installs into the active environment; --no-user installs only the project-local kernel", () => {
    const bin = path.join(tmp, "bin");
    fs.mkdirSync(bin);
    stub(bin, "jupyter", JUPYTER_BODY);
    stub(bin, "chrome-stub");
    const env = { QSOFT_CHROMIUM: path.join(bin, "chrome-stub") };
    const sys = run(["--sys-prefix"], [bin, process.env.PATH ?? "/usr/bin:/bin"], env);
    assert.equal(sys.status, 0, sys.out);
    assert.ok(sys.log.some((l) => l.startsWith("jupyter kernelspec install --sys-prefix --replace --name qsoft-ts")));
    const none = run(["--no-user"], [bin, process.env.PATH ?? "/usr/bin:/bin"], env);
    assert.equal(none.status, 0, none.out);
    assert.ok(!none.log.some((l) => l.startsWith("jupyter kernelspec install")), none.log.join("\n"));
  });

  it("on Debian without any jupyter it prints the apt-get command, and runs it with --yes", function () {
    // Debian is recognised by /etc/debian_version; as root the script calls apt-get without sudo.
    if (!fs.existsSync("/etc/debian_version") || process.getuid?.() !== 0) this.skip();
    // A PATH with the few tools the script needs and no jupyter at all (the real one lives in /usr/bin).
    const bin = path.join(tmp, "bin");
    fs.mkdirSync(bin);
    for (const tool of ["dirname", "id", "uname", "mktemp", "rm", "mkdir", "cat", "grep", "awk"]) {
      const real = ["/usr/bin", "/bin"].map((d) => path.join(d, tool)).find((p) => fs.existsSync(p));
      if (real) fs.symlinkSync(real, path.join(bin, tool));
    }
    stub(bin, "dpkg-query", "exit 1");
    // The apt-get stub "installs" Jupyter by putting the jupyter stub on PATH.
    stub(bin, "apt-get", `case " $* " in *" jupyter-nbconvert "*) /bin/cp "$JUPYTER_STUB" "${bin}/jupyter" ;; esac`);
    const jupyterStub = path.join(tmp, "jupyter-stub");
    stub(tmp, "jupyter-stub", JUPYTER_BODY);
    const env = { JUPYTER_STUB: jupyterStub, QSOFT_CHROMIUM: "" };

    const asked = run([], [bin], env);
    assert.equal(asked.status, 1, asked.out);
    assert.match(
      asked.out,
      /apt-get install -y --no-install-recommends jupyter-nbconvert jupyter-client python3-nbclient jupyter-notebook/,
    );
    assert.deepEqual(asked.log, [], "nothing installed without --yes");

    const done = run(["--yes", "--headless", "--no-user"], [bin], env);
    assert.equal(done.status, 0, done.out);
    assert.ok(
      done.log.includes(
        "apt-get install -y --no-install-recommends jupyter-nbconvert jupyter-client python3-nbclient -qq",
      ),
      done.log.join("\n"),
    );
    assert.ok(
      done.log.some((l) => l.startsWith("jupyter-stub kernelspec list")),
      done.log.join("\n"),
    );
    // No Chromium on this PATH: with --yes it is installed the Debian way too.
    assert.ok(
      done.log.includes("apt-get install -y --no-install-recommends chromium fonts-dejavu-core -qq"),
      done.log.join("\n"),
    );
  });

  it("elsewhere without jupyter it explains how to install one (macOS: Homebrew or pip)", () => {
    const bin = path.join(tmp, "bin");
    fs.mkdirSync(bin);
    for (const tool of ["dirname"]) fs.symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
    stub(bin, "uname", "echo Darwin");
    const r = run([], [bin], { QSOFT_CHROMIUM: "" });
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /no 'jupyter' on PATH/);
    assert.match(r.out, /brew install jupyterlab/);
    assert.doesNotMatch(r.out, /apt-get/, "no apt-get on this PATH: apt is not offered");
  });
});
