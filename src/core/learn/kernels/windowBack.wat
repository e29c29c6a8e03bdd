(module
  ;; Newsmark: assembled into windowBack.wasm.ts by scripts/build-wasm.mjs.
  (memory (export "memory") 1)
  ;; The backward pass of one window layer over n tokens of H units (H a multiple of 4), as
  ;; Net.backWindow makes it in JavaScript: for each token and unit whose pre-activation is above
  ;; zero, its gradient d is added to the bias's gradient, and for each of the three offsets
  ;; d x input to each weight's gradient and d x weight to each input's gradient. Every value is a
  ;; 32-bit float; each product and sum is made in 64 bits and rounded back to 32 at the store,
  ;; in the loop's order, so the numbers are the JavaScript ones to the last bit.
  ;; Addresses in bytes, all f32: w, g: H rows of 3H (unit, then offset -1, 0, +1, then input
  ;; unit); gb: H; prev, al, dh, dprev: n x H (dprev holds dh on entry: the residual).
  (func (export "back") (param $w i32) (param $g i32) (param $gb i32) (param $prev i32)
        (param $al i32) (param $dh i32) (param $dprev i32) (param $n i32) (param $H i32)
    (local $t i32) (local $j i32) (local $o i32) (local $tt i32) (local $k i32) (local $at i32)
    (local $d f64) (local $vd v128) (local $rowB i32) (local $wrow i32) (local $grow i32)
    (local $prow i32) (local $drow i32) (local $x v128) (local $y v128) (local $lo v128) (local $hi v128)
    (local.set $rowB (i32.shl (local.get $H) (i32.const 2)))
    (local.set $t (i32.const 0))
    (block $tdone (loop $tokens
      (br_if $tdone (i32.ge_s (local.get $t) (local.get $n)))
      (local.set $j (i32.const 0))
      (block $jdone (loop $units
        (br_if $jdone (i32.ge_s (local.get $j) (local.get $H)))
        (local.set $at (i32.shl (i32.add (i32.mul (local.get $t) (local.get $H)) (local.get $j)) (i32.const 2)))
        (if (i32.and
              (f32.gt (f32.load (i32.add (local.get $al) (local.get $at))) (f32.const 0))
              (f32.ne (f32.load (i32.add (local.get $dh) (local.get $at))) (f32.const 0)))
          (then
            (local.set $d (f64.promote_f32 (f32.load (i32.add (local.get $dh) (local.get $at)))))
            (local.set $vd (f64x2.splat (local.get $d)))
            ;; the bias
            (f32.store (i32.add (local.get $gb) (i32.shl (local.get $j) (i32.const 2)))
              (f32.demote_f64 (f64.add
                (f64.promote_f32 (f32.load (i32.add (local.get $gb) (i32.shl (local.get $j) (i32.const 2)))))
                (local.get $d))))
            (local.set $o (i32.const -1))
            (block $odone (loop $offsets
              (br_if $odone (i32.gt_s (local.get $o) (i32.const 1)))
              (local.set $tt (i32.add (local.get $t) (local.get $o)))
              (if (i32.and (i32.ge_s (local.get $tt) (i32.const 0)) (i32.lt_s (local.get $tt) (local.get $n)))
                (then
                  ;; row j, block o+1 of the weights and their gradients; token tt of the inputs
                  (local.set $wrow (i32.shl
                    (i32.add (i32.mul (local.get $j) (i32.mul (local.get $H) (i32.const 3)))
                             (i32.mul (i32.add (local.get $o) (i32.const 1)) (local.get $H)))
                    (i32.const 2)))
                  (local.set $grow (i32.add (local.get $g) (local.get $wrow)))
                  (local.set $wrow (i32.add (local.get $w) (local.get $wrow)))
                  (local.set $prow (i32.add (local.get $prev) (i32.mul (local.get $tt) (local.get $rowB))))
                  (local.set $drow (i32.add (local.get $dprev) (i32.mul (local.get $tt) (local.get $rowB))))
                  (local.set $k (i32.const 0))
                  (block $kdone (loop $inputs
                    (br_if $kdone (i32.ge_s (local.get $k) (local.get $rowB)))
                    ;; g += d x prev, four inputs: two lanes of 64 bits at a time (this and dprev's
                    ;; twin below are written out: as a called function they took twice the time)
                    (local.set $x (v128.load (i32.add (local.get $prow) (local.get $k))))
                    (local.set $y (v128.load (i32.add (local.get $grow) (local.get $k))))
                    (local.set $lo (f32x4.demote_f64x2_zero (f64x2.add
                      (f64x2.promote_low_f32x4 (local.get $y))
                      (f64x2.mul (local.get $vd) (f64x2.promote_low_f32x4 (local.get $x))))))
                    (local.set $hi (f32x4.demote_f64x2_zero (f64x2.add
                      (f64x2.promote_low_f32x4
                        (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y)))
                      (f64x2.mul (local.get $vd) (f64x2.promote_low_f32x4
                        (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x)))))))
                    (v128.store (i32.add (local.get $grow) (local.get $k))
                      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $lo) (local.get $hi)))
                    ;; dprev += d x w
                    (local.set $x (v128.load (i32.add (local.get $wrow) (local.get $k))))
                    (local.set $y (v128.load (i32.add (local.get $drow) (local.get $k))))
                    (local.set $lo (f32x4.demote_f64x2_zero (f64x2.add
                      (f64x2.promote_low_f32x4 (local.get $y))
                      (f64x2.mul (local.get $vd) (f64x2.promote_low_f32x4 (local.get $x))))))
                    (local.set $hi (f32x4.demote_f64x2_zero (f64x2.add
                      (f64x2.promote_low_f32x4
                        (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y)))
                      (f64x2.mul (local.get $vd) (f64x2.promote_low_f32x4
                        (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x)))))))
                    (v128.store (i32.add (local.get $drow) (local.get $k))
                      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $lo) (local.get $hi)))
                    (local.set $k (i32.add (local.get $k) (i32.const 16)))
                    (br $inputs)))))
              (local.set $o (i32.add (local.get $o) (i32.const 1)))
              (br $offsets)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $units)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $tokens)))
  )
)
