import * as zlib from "node:zlib";

/**
 * A large JavaScript source (the 4.8 MB plotly.js bundle) inlined in HTML at about 40 % of its size: deflated by
 * zlib, base64 in the page, inflated there synchronously by INFLATE_JS and run as a global <script>, so the page
 * stays self-contained, offline and in order (the next <script> sees what the source defines, as with the source
 * inlined as it is). INFLATE_JS decodes raw DEFLATE (RFC 1951: stored, fixed and dynamic Huffman blocks) bit by
 * bit with canonical code tables, the method of Mark Adler's puff.c (zlib/contrib/puff).
 */

/** In-page JavaScript: `qsoftInflate(base64, byteLength)` returns the inflated bytes (Uint8Array). */
export const INFLATE_JS = `function qsoftInflate(b64, size) {
  var bin = atob(b64), src = new Uint8Array(bin.length), out = new Uint8Array(size);
  for (var i = 0; i < bin.length; i++) src[i] = bin.charCodeAt(i);
  var pos = 0, bitbuf = 0, bitcnt = 0, op = 0;
  function bits(k) {
    while (bitcnt < k) {
      if (pos >= src.length) throw new Error("inflate: input ends early");
      bitbuf |= src[pos++] << bitcnt;
      bitcnt += 8;
    }
    var v = bitbuf & ((1 << k) - 1);
    bitbuf >>>= k;
    bitcnt -= k;
    return v;
  }
  function table(lengths, n) {
    var count = new Int16Array(16), offs = new Int16Array(16), symbol = new Int16Array(n), s;
    for (s = 0; s < n; s++) count[lengths[s]]++;
    count[0] = 0;
    for (s = 1; s < 16; s++) offs[s] = offs[s - 1] + count[s - 1];
    for (s = 0; s < n; s++) if (lengths[s]) symbol[offs[lengths[s]]++] = s;
    return { count: count, symbol: symbol };
  }
  function decode(h) {
    var code = 0, first = 0, index = 0;
    for (var len = 1; len < 16; len++) {
      code |= bits(1);
      var count = h.count[len];
      if (code - first < count) return h.symbol[index + code - first];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new Error("inflate: invalid Huffman code");
  }
  var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  var fixedLen = null, fixedDist = null, last, type, lens, d;
  do {
    last = bits(1);
    type = bits(2);
    if (type === 0) {
      bitbuf = 0;
      bitcnt = 0;
      var len = src[pos] | (src[pos + 1] << 8);
      if ((len ^ 0xffff) !== (src[pos + 2] | (src[pos + 3] << 8))) throw new Error("inflate: bad stored block");
      pos += 4;
      if (pos + len > src.length || op + len > size) throw new Error("inflate: stored block out of range");
      out.set(src.subarray(pos, pos + len), op);
      pos += len;
      op += len;
      continue;
    }
    var lencode, distcode;
    if (type === 1) {
      if (fixedLen === null) {
        lens = new Uint8Array(288);
        for (d = 0; d < 288; d++) lens[d] = d < 144 ? 8 : d < 256 ? 9 : d < 280 ? 7 : 8;
        fixedLen = table(lens, 288);
        lens = new Uint8Array(30);
        for (d = 0; d < 30; d++) lens[d] = 5;
        fixedDist = table(lens, 30);
      }
      lencode = fixedLen;
      distcode = fixedDist;
    } else if (type === 2) {
      var nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
      lens = new Uint8Array(19);
      for (d = 0; d < ncode; d++) lens[ORDER[d]] = bits(3);
      var clcode = table(lens, 19);
      lens = new Uint8Array(nlen + ndist);
      for (d = 0; d < nlen + ndist; ) {
        var sym = decode(clcode);
        if (sym < 16) lens[d++] = sym;
        else {
          var rep = sym === 16 ? 3 + bits(2) : sym === 17 ? 3 + bits(3) : 11 + bits(7);
          var val = sym === 16 ? (d === 0 ? -1 : lens[d - 1]) : 0;
          if (val < 0 || d + rep > nlen + ndist) throw new Error("inflate: bad code lengths");
          while (rep--) lens[d++] = val;
        }
      }
      lencode = table(lens.subarray(0, nlen), nlen);
      distcode = table(lens.subarray(nlen), ndist);
    } else throw new Error("inflate: invalid block type");
    for (;;) {
      var s = decode(lencode);
      if (s < 256) {
        if (op >= size) throw new Error("inflate: output longer than expected");
        out[op++] = s;
      } else if (s === 256) break;
      else {
        s -= 257;
        if (s >= 29) throw new Error("inflate: invalid length code");
        var n = LBASE[s] + bits(LEXT[s]);
        var dc = decode(distcode);
        if (dc >= 30) throw new Error("inflate: invalid distance code");
        var dist = DBASE[dc] + bits(DEXT[dc]);
        if (dist > op || op + n > size) throw new Error("inflate: match out of range");
        for (; n > 0; n--, op++) out[op] = out[op - dist];
      }
    }
  } while (!last);
  if (op !== size) throw new Error("inflate: " + op + " bytes, expected " + size);
  return out;
}`;

/** The source deflated (raw DEFLATE, zlib level 9) and base64-encoded, with its byte length. */
export function deflateSource(source: string): { base64: string; byteLength: number } {
  const bytes = Buffer.from(source, "utf8");
  return { base64: zlib.deflateRawSync(bytes, { level: 9 }).toString("base64"), byteLength: bytes.length };
}

/**
 * A <script> element that inflates `source` and runs it as a global script when the page reaches it. `comment`
 * (e.g. the bundle's name and version) is written in clear at the top of the element.
 */
export function deflatedScriptHtml(deflated: { base64: string; byteLength: number }, comment: string): string {
  return (
    `<script>/*! ${comment.replace(/\*\//g, "* /")} */(function(){${INFLATE_JS}\n` +
    `var s=document.createElement("script");` +
    `s.textContent=new TextDecoder().decode(qsoftInflate("${deflated.base64}",${deflated.byteLength}));` +
    `(document.head||document.documentElement).appendChild(s);})();</script>`
  );
}
