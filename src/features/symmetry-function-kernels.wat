;; Angular sums of the symmetry functions (paper Eq. 3) of one atom: the WebAssembly twin of angularSumsJs in
;; symmetry-function-kernels.ts. The same loops and the same floating-point operations in the same order (expMinus
;; with the same table and polynomial; the f64x2 loops over two partners b only put two independent scalar
;; computations side by side, and every sum still runs over b in order), so the sums are bitwise the JavaScript
;; ones. WebAssembly because angularSumsJs compiled by V8 takes 2.5-2.9x the time of this kernel (every atom of
;; the 1,372-atom Cu-Zr glass of bench/reference-glass.ts, paper parameters; a bounds check on every typed-array
;; access, no f64x2), and the angular sums are most of the time of the symmetry functions.
;; Assembled by `npm run build:wasm` (scripts/build-wasm.ts, wabt) into symmetry-function-kernels-wasm.ts; the
;; memory is the kernel's own (AngularSumsKernel lays the arrays out in it). Arguments are byte addresses.
(module
  (import "env" "memory" (memory 1))
  (import "Math" "exp" (func $exp (param f64) (result f64)))
  (import "Math" "pow" (func $pow (param f64 f64) (result f64)))

  ;; expMinus(y) of symmetry-function-kernels.ts, exp(-y): y = j/64 - f, exp(-y) = table[j] exp(f), exp(f) by its
  ;; Taylor series to f^6 (Horner, the JavaScript order); y outside [-1/128, 80) or NaN: Math.exp(-y).
  (func $expMinus (param $y f64) (param $table i32) (result f64)
    (local $j i32) (local $f f64) (local $p f64)
    (if (i32.eqz (i32.and
          (f64.gt (local.get $y) (f64.const -0x1p-7))
          (f64.lt (local.get $y) (f64.const 80))))
      (then (return (call $exp (f64.neg (local.get $y))))))
    (local.set $j (i32.trunc_f64_s (f64.add (f64.mul (local.get $y) (f64.const 64)) (f64.const 0.5))))
    (local.set $f (f64.sub (f64.mul (f64.convert_i32_s (local.get $j)) (f64.const 0x1p-6)) (local.get $y)))
    (local.set $p (f64.add (f64.const 0x1.1111111111111p-7) (f64.div (local.get $f) (f64.const 720))))   ;; 1/120
    (local.set $p (f64.add (f64.const 0x1.5555555555555p-5) (f64.mul (local.get $f) (local.get $p))))    ;; 1/24
    (local.set $p (f64.add (f64.const 0x1.5555555555555p-3) (f64.mul (local.get $f) (local.get $p))))    ;; 1/6
    (local.set $p (f64.add (f64.const 0.5) (f64.mul (local.get $f) (local.get $p))))
    (local.set $p (f64.add (f64.const 1) (f64.mul (local.get $f) (local.get $p))))
    (local.set $p (f64.add (f64.const 1) (f64.mul (local.get $f) (local.get $p))))
    (f64.mul (f64.load (i32.add (local.get $table) (i32.shl (local.get $j) (i32.const 3)))) (local.get $p)))

  ;; acc (pair block x parameter set, f64) = the angular sums of the bonds 0 .. nb-1 (vectors bx, by, bz,
  ;; lengths br: f64; species bs: i32), sorted by species: species t at [speciesStart[t], speciesStart[t + 1]).
  ;; Plan: invXi2 (nxi f64), lzLambda and lzZeta (nlz f64), xiOf and lzOf (npar i32), pairIndex (nSpecies^2 i32).
  ;; Scratch: sum2 and cosv (cap f64), ex (nxi rows of cap f64), pw (nlz rows of cap f64); table: EXP_MINUS_TABLE.
  (func (export "angularSums")
    (param $nb i32) (param $nSpecies i32) (param $speciesStart i32) (param $pairIndex i32)
    (param $nxi i32) (param $invXi2 i32) (param $nlz i32) (param $lzLambda i32) (param $lzZeta i32)
    (param $npar i32) (param $xiOf i32) (param $lzOf i32)
    (param $bx i32) (param $by i32) (param $bz i32) (param $br i32) (param $bs i32)
    (param $sum2 i32) (param $cosv i32) (param $ex i32) (param $pw i32) (param $cap i32)
    (param $table i32) (param $acc i32)
    (local $a i32) (local $x i32) (local $t i32) (local $k i32) (local $sq i32)
    (local $oa i32) (local $ob i32) (local $lo8 i32) (local $hi8 i32) (local $row i32) (local $rowBytes i32)
    (local $e i32) (local $p i32) (local $o i32) (local $sa i32) (local $lo i32) (local $xk i32) (local $lk i32)
    (local $e0 i32) (local $e1 i32) (local $e2 i32) (local $e3 i32) (local $p0 i32) (local $p1 i32) (local $p2 i32)
    (local $p3 i32)
    (local $xa f64) (local $ya f64) (local $za f64) (local $ra f64) (local $ra2 f64) (local $rb f64)
    (local $dot f64) (local $ax f64) (local $lam f64) (local $z f64) (local $q f64) (local $sum f64)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $min f64) (local $max f64) (local $inRange i32)
    (local $vxa v128) (local $vya v128) (local $vza v128) (local $vra v128) (local $vra2 v128) (local $vdot v128)
    (local $vrb v128) (local $vlam v128) (local $vq v128)
    (local $vax v128) (local $vjf v128) (local $vmin v128) (local $vnan v128) (local $vmax v128) (local $vy v128) (local $vj v128) (local $vf v128) (local $vp v128)
    (local.set $rowBytes (i32.shl (local.get $cap) (i32.const 3)))
    ;; acc.fill(0): nSpecies (nSpecies + 1) / 2 pair blocks of npar
    (memory.fill (local.get $acc) (i32.const 0)
      (i32.shl
        (i32.mul (i32.shr_u (i32.mul (local.get $nSpecies) (i32.add (local.get $nSpecies) (i32.const 1))) (i32.const 1))
          (local.get $npar))
        (i32.const 3)))
    (local.set $hi8 (i32.shl (local.get $nb) (i32.const 3)))
    (local.set $a (i32.const 0))
    (block $aDone (loop $aLoop
      (br_if $aDone (i32.ge_s (i32.add (local.get $a) (i32.const 1)) (local.get $nb)))
      (local.set $oa (i32.shl (local.get $a) (i32.const 3)))
      (local.set $xa (f64.load (i32.add (local.get $bx) (local.get $oa))))
      (local.set $ya (f64.load (i32.add (local.get $by) (local.get $oa))))
      (local.set $za (f64.load (i32.add (local.get $bz) (local.get $oa))))
      (local.set $ra (f64.load (i32.add (local.get $br) (local.get $oa))))
      (local.set $ra2 (f64.mul (local.get $ra) (local.get $ra)))
      ;; the partners b = a + 1 .. nb - 1, as byte offsets [lo8, hi8)
      (local.set $lo8 (i32.add (local.get $oa) (i32.const 8)))

      ;; sum2[b] = r_ij^2 + r_ik^2 + r_jk^2 = 2 (ra^2 + rb^2 - dot), cosv[b] = dot / (ra rb); two partners at a
      ;; time (f64x2, lane by lane the scalar operations), an odd last one alone
      (local.set $vxa (f64x2.splat (local.get $xa)))
      (local.set $vya (f64x2.splat (local.get $ya)))
      (local.set $vza (f64x2.splat (local.get $za)))
      (local.set $vra (f64x2.splat (local.get $ra)))
      (local.set $vra2 (f64x2.splat (local.get $ra2)))
      (local.set $vmin (v128.const f64x2 inf inf))
      (local.set $vmax (v128.const f64x2 -inf -inf))
      (local.set $vnan (v128.const i64x2 0 0))
      (local.set $ob (local.get $lo8))
      (block $p2Done (loop $p2Loop
        (br_if $p2Done (i32.gt_u (i32.add (local.get $ob) (i32.const 16)) (local.get $hi8)))
        (local.set $vdot
          (f64x2.add
            (f64x2.add
              (f64x2.mul (local.get $vxa) (v128.load (i32.add (local.get $bx) (local.get $ob))))
              (f64x2.mul (local.get $vya) (v128.load (i32.add (local.get $by) (local.get $ob)))))
            (f64x2.mul (local.get $vza) (v128.load (i32.add (local.get $bz) (local.get $ob))))))
        (local.set $vrb (v128.load (i32.add (local.get $br) (local.get $ob))))
        (local.set $vq (f64x2.mul (v128.const f64x2 2 2)
          (f64x2.sub (f64x2.add (local.get $vra2) (f64x2.mul (local.get $vrb) (local.get $vrb))) (local.get $vdot))))
        (v128.store (i32.add (local.get $sum2) (local.get $ob)) (local.get $vq))
        (local.set $vmin (f64x2.pmin (local.get $vmin) (local.get $vq)))
        (local.set $vmax (f64x2.pmax (local.get $vmax) (local.get $vq)))
        (local.set $vnan (v128.or (local.get $vnan) (f64x2.ne (local.get $vq) (local.get $vq))))
        (v128.store (i32.add (local.get $cosv) (local.get $ob))
          (f64x2.div (local.get $vdot) (f64x2.mul (local.get $vra) (local.get $vrb))))
        (local.set $ob (i32.add (local.get $ob) (i32.const 16)))
        (br $p2Loop)))
      (if (i32.lt_u (local.get $ob) (local.get $hi8))
        (then
          (local.set $dot
            (f64.add
              (f64.add
                (f64.mul (local.get $xa) (f64.load (i32.add (local.get $bx) (local.get $ob))))
                (f64.mul (local.get $ya) (f64.load (i32.add (local.get $by) (local.get $ob)))))
              (f64.mul (local.get $za) (f64.load (i32.add (local.get $bz) (local.get $ob))))))
          (local.set $rb (f64.load (i32.add (local.get $br) (local.get $ob))))
          (local.set $q (f64.mul (f64.const 2)
            (f64.sub (f64.add (local.get $ra2) (f64.mul (local.get $rb) (local.get $rb))) (local.get $dot))))
          (f64.store (i32.add (local.get $sum2) (local.get $ob)) (local.get $q))
          (local.set $vmin (f64x2.min (local.get $vmin) (f64x2.splat (local.get $q))))
          (local.set $vmax (f64x2.max (local.get $vmax) (f64x2.splat (local.get $q))))
          (f64.store (i32.add (local.get $cosv) (local.get $ob))
            (f64.div (local.get $dot) (f64.mul (local.get $ra) (local.get $rb))))))
      ;; [min, max] of sum2 over the partners; min is NaN if any sum2 is (vnan, or f64x2.min in the tail)
      (local.set $min (f64.min (f64x2.extract_lane 0 (local.get $vmin)) (f64x2.extract_lane 1 (local.get $vmin))))
      (if (v128.any_true (local.get $vnan)) (then (local.set $min (f64.const nan))))
      (local.set $max (f64.max (f64x2.extract_lane 0 (local.get $vmax)) (f64x2.extract_lane 1 (local.get $vmax))))

      ;; ex row x: expMinus(sum2[b] invXi2[x]), two partners at a time (f64x2: each lane does the operations of
      ;; $expMinus, so the values are bitwise the same). When some y of the row may fall outside [-1/128, 80), a
      ;; pair with a lane outside goes through $expMinus; an odd last partner always does.
      (local.set $x (i32.const 0))
      (block $xDone (loop $xLoop
        (br_if $xDone (i32.ge_u (local.get $x) (local.get $nxi)))
        (local.set $ax (f64.load (i32.add (local.get $invXi2) (i32.shl (local.get $x) (i32.const 3)))))
        (local.set $vax (f64x2.splat (local.get $ax)))
        ;; every y = sum2 ax of the row in [-1/128, 80) (rounding is monotonic, ax > 0): the loop without checks
        (local.set $inRange (i32.and
          (f64.gt (f64.mul (local.get $min) (local.get $ax)) (f64.const -0x1p-7))
          (f64.lt (f64.mul (local.get $max) (local.get $ax)) (f64.const 80))))
        (local.set $row (i32.add (local.get $ex) (i32.mul (local.get $x) (local.get $rowBytes))))
        (local.set $ob (local.get $lo8))
        (if (local.get $inRange)
          (then
            (block $fDone (loop $fLoop
              (br_if $fDone (i32.gt_u (i32.add (local.get $ob) (i32.const 16)) (local.get $hi8)))
              (local.set $vy (f64x2.mul (v128.load (i32.add (local.get $sum2) (local.get $ob))) (local.get $vax)))
              ;; j = trunc(64 y + 1/2) as f64 (floor: 64 y + 1/2 > 0), and as the low i32 of j + 2^52 (lanes 0, 2)
              (local.set $vjf (f64x2.floor
                (f64x2.add (f64x2.mul (local.get $vy) (v128.const f64x2 64 64)) (v128.const f64x2 0.5 0.5))))
              (local.set $vj (f64x2.add (local.get $vjf) (v128.const f64x2 0x1p52 0x1p52)))
              (local.set $vf (f64x2.sub
                (f64x2.mul (local.get $vjf) (v128.const f64x2 0x1p-6 0x1p-6))
                (local.get $vy)))
              (local.set $vp (f64x2.add (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7)     ;; 1/120
                (f64x2.div (local.get $vf) (v128.const f64x2 720 720))))
              (local.set $vp (f64x2.add (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5)     ;; 1/24
                (f64x2.mul (local.get $vf) (local.get $vp))))
              (local.set $vp (f64x2.add (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3)     ;; 1/6
                (f64x2.mul (local.get $vf) (local.get $vp))))
              (local.set $vp (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $vf) (local.get $vp))))
              (local.set $vp (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $vf) (local.get $vp))))
              (local.set $vp (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $vf) (local.get $vp))))
              (v128.store (i32.add (local.get $row) (local.get $ob))
                (f64x2.mul
                  (v128.load64_lane 1
                    (i32.add (local.get $table) (i32.shl (i32x4.extract_lane 2 (local.get $vj)) (i32.const 3)))
                    (v128.load64_zero
                      (i32.add (local.get $table) (i32.shl (i32x4.extract_lane 0 (local.get $vj)) (i32.const 3)))))
                  (local.get $vp)))
              (local.set $ob (i32.add (local.get $ob) (i32.const 16)))
              (br $fLoop))))
          (else
            (block $cDone (loop $cLoop
              (br_if $cDone (i32.gt_u (i32.add (local.get $ob) (i32.const 16)) (local.get $hi8)))
              (local.set $vy (f64x2.mul (v128.load (i32.add (local.get $sum2) (local.get $ob))) (local.get $vax)))
              (if (i64x2.all_true
                    (v128.and
                      (f64x2.gt (local.get $vy) (v128.const f64x2 -0x1p-7 -0x1p-7))
                      (f64x2.lt (local.get $vy) (v128.const f64x2 80 80))))
                (then
                  ;; the body of $fLoop (written out again: a call per pair of partners cost 35% of the kernel, Node
                  ;; 20 does not inline WebAssembly functions)
                  (local.set $vjf (f64x2.floor
                    (f64x2.add (f64x2.mul (local.get $vy) (v128.const f64x2 64 64)) (v128.const f64x2 0.5 0.5))))
                  (local.set $vj (f64x2.add (local.get $vjf) (v128.const f64x2 0x1p52 0x1p52)))
                  (local.set $vf (f64x2.sub
                    (f64x2.mul (local.get $vjf) (v128.const f64x2 0x1p-6 0x1p-6))
                    (local.get $vy)))
                  (local.set $vp (f64x2.add (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7)     ;; 1/120
                    (f64x2.div (local.get $vf) (v128.const f64x2 720 720))))
                  (local.set $vp (f64x2.add (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5)     ;; 1/24
                    (f64x2.mul (local.get $vf) (local.get $vp))))
                  (local.set $vp (f64x2.add (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3)     ;; 1/6
                    (f64x2.mul (local.get $vf) (local.get $vp))))
                  (local.set $vp (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $vf) (local.get $vp))))
                  (local.set $vp (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $vf) (local.get $vp))))
                  (local.set $vp (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $vf) (local.get $vp))))
                  (v128.store (i32.add (local.get $row) (local.get $ob))
                    (f64x2.mul
                      (v128.load64_lane 1
                        (i32.add (local.get $table) (i32.shl (i32x4.extract_lane 2 (local.get $vj)) (i32.const 3)))
                        (v128.load64_zero
                          (i32.add (local.get $table) (i32.shl (i32x4.extract_lane 0 (local.get $vj)) (i32.const 3)))))
                      (local.get $vp))))
                (else
                  (f64.store (i32.add (local.get $row) (local.get $ob))
                    (call $expMinus (f64x2.extract_lane 0 (local.get $vy)) (local.get $table)))
                  (f64.store offset=8 (i32.add (local.get $row) (local.get $ob))
                    (call $expMinus (f64x2.extract_lane 1 (local.get $vy)) (local.get $table)))))
              (local.set $ob (i32.add (local.get $ob) (i32.const 16)))
              (br $cLoop)))))
        (if (i32.lt_u (local.get $ob) (local.get $hi8))
          (then
            (f64.store (i32.add (local.get $row) (local.get $ob))
              (call $expMinus
                (f64.mul (f64.load (i32.add (local.get $sum2) (local.get $ob))) (local.get $ax))
                (local.get $table)))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $xLoop)))

      ;; pw row t: (1 + lambda cosv[b])^zeta; zeta 1, 2, 4, 16 by 0, 1, 2, 4 squarings (two partners at a time,
      ;; f64x2), any other zeta q > 0 ? Math.pow(q, zeta) : 0 one at a time (angularPowers)
      (local.set $t (i32.const 0))
      (block $tDone (loop $tLoop
        (br_if $tDone (i32.ge_u (local.get $t) (local.get $nlz)))
        (local.set $lam (f64.load (i32.add (local.get $lzLambda) (i32.shl (local.get $t) (i32.const 3)))))
        (local.set $vlam (f64x2.splat (local.get $lam)))
        (local.set $z (f64.load (i32.add (local.get $lzZeta) (i32.shl (local.get $t) (i32.const 3)))))
        (local.set $sq
          (if (result i32) (f64.eq (local.get $z) (f64.const 1)) (then (i32.const 0))
            (else (if (result i32) (f64.eq (local.get $z) (f64.const 2)) (then (i32.const 1))
              (else (if (result i32) (f64.eq (local.get $z) (f64.const 4)) (then (i32.const 2))
                (else (if (result i32) (f64.eq (local.get $z) (f64.const 16)) (then (i32.const 4))
                  (else (i32.const -1))))))))))
        (local.set $row (i32.add (local.get $pw) (i32.mul (local.get $t) (local.get $rowBytes))))
        (local.set $ob (local.get $lo8))
        (if (i32.ge_s (local.get $sq) (i32.const 0))
          (then
            (block $w2Done (loop $w2Loop
              (br_if $w2Done (i32.gt_u (i32.add (local.get $ob) (i32.const 16)) (local.get $hi8)))
              (local.set $vq (f64x2.add (v128.const f64x2 1 1)
                (f64x2.mul (local.get $vlam) (v128.load (i32.add (local.get $cosv) (local.get $ob))))))
              (if (i32.ge_s (local.get $sq) (i32.const 1))
                (then (local.set $vq (f64x2.mul (local.get $vq) (local.get $vq)))))
              (if (i32.ge_s (local.get $sq) (i32.const 2))
                (then (local.set $vq (f64x2.mul (local.get $vq) (local.get $vq)))))
              (if (i32.ge_s (local.get $sq) (i32.const 4))
                (then
                  (local.set $vq (f64x2.mul (local.get $vq) (local.get $vq)))
                  (local.set $vq (f64x2.mul (local.get $vq) (local.get $vq)))))
              (v128.store (i32.add (local.get $row) (local.get $ob)) (local.get $vq))
              (local.set $ob (i32.add (local.get $ob) (i32.const 16)))
              (br $w2Loop)))))
        (block $wDone (loop $wLoop
          (br_if $wDone (i32.ge_u (local.get $ob) (local.get $hi8)))
          (local.set $q (f64.add (f64.const 1)
            (f64.mul (local.get $lam) (f64.load (i32.add (local.get $cosv) (local.get $ob))))))
          (if (i32.lt_s (local.get $sq) (i32.const 0))
            (then
              (local.set $q
                (if (result f64) (f64.gt (local.get $q) (f64.const 0))
                  (then (call $pow (local.get $q) (local.get $z)))
                  (else (f64.const 0)))))
            (else
              (if (i32.ge_s (local.get $sq) (i32.const 1))
                (then (local.set $q (f64.mul (local.get $q) (local.get $q)))))
              (if (i32.ge_s (local.get $sq) (i32.const 2))
                (then (local.set $q (f64.mul (local.get $q) (local.get $q)))))
              (if (i32.ge_s (local.get $sq) (i32.const 4))
                (then
                  (local.set $q (f64.mul (local.get $q) (local.get $q)))
                  (local.set $q (f64.mul (local.get $q) (local.get $q)))))))
          (f64.store (i32.add (local.get $row) (local.get $ob)) (local.get $q))
          (local.set $ob (i32.add (local.get $ob) (i32.const 8)))
          (br $wLoop)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tLoop)))

      ;; per species block t of the partners: acc[pairIndex[sa, t] npar + k] += sum_b ex[xiOf[k]][b] pw[lzOf[k]][b],
      ;; one column k at a time, b in order
      (local.set $sa (i32.load (i32.add (local.get $bs) (i32.shl (local.get $a) (i32.const 2)))))
      (local.set $t (i32.const 0))
      (block $sDone (loop $sLoop
        (br_if $sDone (i32.ge_u (local.get $t) (local.get $nSpecies)))
        ;; [max(a + 1, speciesStart[t]), speciesStart[t + 1]) as byte offsets [lo, e)
        (local.set $lo (i32.shl (i32.load (i32.add (local.get $speciesStart) (i32.shl (local.get $t) (i32.const 2))))
          (i32.const 3)))
        (if (i32.lt_s (local.get $lo) (local.get $lo8)) (then (local.set $lo (local.get $lo8))))
        (local.set $e (i32.shl (i32.load offset=4 (i32.add (local.get $speciesStart) (i32.shl (local.get $t) (i32.const 2))))
          (i32.const 3)))
        (if (i32.lt_s (local.get $lo) (local.get $e))
          (then
            (local.set $o (i32.add (local.get $acc)
              (i32.shl
                (i32.mul
                  (i32.load (i32.add (local.get $pairIndex)
                    (i32.shl (i32.add (i32.mul (local.get $sa) (local.get $nSpecies)) (local.get $t)) (i32.const 2))))
                  (local.get $npar))
                (i32.const 3))))
            ;; four columns at a time (four independent sums in flight, each still in the order of b)
            (local.set $k (i32.const 0))
            (block $k4Done (loop $k4Loop
              (br_if $k4Done (i32.gt_u (i32.add (local.get $k) (i32.const 4)) (local.get $npar)))
              (local.set $xk (i32.add (local.get $xiOf) (i32.shl (local.get $k) (i32.const 2))))
              (local.set $lk (i32.add (local.get $lzOf) (i32.shl (local.get $k) (i32.const 2))))
              (local.set $e0 (i32.add (local.get $ex)
                (i32.mul (i32.load (local.get $xk)) (local.get $rowBytes))))
              (local.set $p0 (i32.add (local.get $pw)
                (i32.mul (i32.load (local.get $lk)) (local.get $rowBytes))))
              (local.set $e1 (i32.add (local.get $ex)
                (i32.mul (i32.load offset=4 (local.get $xk)) (local.get $rowBytes))))
              (local.set $p1 (i32.add (local.get $pw)
                (i32.mul (i32.load offset=4 (local.get $lk)) (local.get $rowBytes))))
              (local.set $e2 (i32.add (local.get $ex)
                (i32.mul (i32.load offset=8 (local.get $xk)) (local.get $rowBytes))))
              (local.set $p2 (i32.add (local.get $pw)
                (i32.mul (i32.load offset=8 (local.get $lk)) (local.get $rowBytes))))
              (local.set $e3 (i32.add (local.get $ex)
                (i32.mul (i32.load offset=12 (local.get $xk)) (local.get $rowBytes))))
              (local.set $p3 (i32.add (local.get $pw)
                (i32.mul (i32.load offset=12 (local.get $lk)) (local.get $rowBytes))))
              (local.set $s0 (f64.const 0))
              (local.set $s1 (f64.const 0))
              (local.set $s2 (f64.const 0))
              (local.set $s3 (f64.const 0))
              (local.set $ob (local.get $lo))
              (loop $b4Loop
                (local.set $s0 (f64.add (local.get $s0)
                  (f64.mul (f64.load (i32.add (local.get $e0) (local.get $ob))) (f64.load (i32.add (local.get $p0) (local.get $ob))))))
                (local.set $s1 (f64.add (local.get $s1)
                  (f64.mul (f64.load (i32.add (local.get $e1) (local.get $ob))) (f64.load (i32.add (local.get $p1) (local.get $ob))))))
                (local.set $s2 (f64.add (local.get $s2)
                  (f64.mul (f64.load (i32.add (local.get $e2) (local.get $ob))) (f64.load (i32.add (local.get $p2) (local.get $ob))))))
                (local.set $s3 (f64.add (local.get $s3)
                  (f64.mul (f64.load (i32.add (local.get $e3) (local.get $ob))) (f64.load (i32.add (local.get $p3) (local.get $ob))))))
                (local.set $ob (i32.add (local.get $ob) (i32.const 8)))
                (br_if $b4Loop (i32.lt_u (local.get $ob) (local.get $e))))
              (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (local.get $s0)))
              (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (local.get $s1)))
              (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (local.get $s2)))
              (f64.store offset=24 (local.get $o) (f64.add (f64.load offset=24 (local.get $o)) (local.get $s3)))
              (local.set $o (i32.add (local.get $o) (i32.const 32)))
              (local.set $k (i32.add (local.get $k) (i32.const 4)))
              (br $k4Loop)))
            ;; the remaining columns one at a time
            (block $kDone (loop $kLoop
              (br_if $kDone (i32.ge_u (local.get $k) (local.get $npar)))
              (local.set $row (i32.add (local.get $ex)
                (i32.mul (i32.load (i32.add (local.get $xiOf) (i32.shl (local.get $k) (i32.const 2)))) (local.get $rowBytes))))
              (local.set $p (i32.add (local.get $pw)
                (i32.mul (i32.load (i32.add (local.get $lzOf) (i32.shl (local.get $k) (i32.const 2)))) (local.get $rowBytes))))
              (local.set $sum (f64.const 0))
              (local.set $ob (local.get $lo))
              (loop $bLoop
                (local.set $sum (f64.add (local.get $sum)
                  (f64.mul
                    (f64.load (i32.add (local.get $row) (local.get $ob)))
                    (f64.load (i32.add (local.get $p) (local.get $ob))))))
                (local.set $ob (i32.add (local.get $ob) (i32.const 8)))
                (br_if $bLoop (i32.lt_u (local.get $ob) (local.get $e))))
              (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (local.get $sum)))
              (local.set $o (i32.add (local.get $o) (i32.const 8)))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br $kLoop)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $sLoop)))

      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $aLoop)))))
