(module
  ;; Newsmark: assembled into window.wasm.ts by scripts/build-wasm.mjs.
  (memory (export "memory") 1)
  ;; The sums of one window layer (three offsets) over n tokens of H units, H a multiple of 8,
  ;; as inference.ts sums them in JavaScript: each output starts from its bias and adds, in input
  ;; order, the token's nonzero inputs times their weights; two outputs per SIMD lane pair, no
  ;; fused multiply-add, so every sum is rounded as the JavaScript one is, to the last bit.
  ;; Addresses in bytes. prev, out: n x H f64; wt: 3H x H f64, a row per input unit (offset -1,
  ;; 0, +1, then unit); bias: H f64; at (3H i32), val (3H f64): scratch for the nonzero inputs.
  (func (export "window") (param $prev i32) (param $out i32) (param $n i32) (param $H i32)
        (param $wt i32) (param $bias i32) (param $at i32) (param $val i32)
    (local $t i32) (local $d i32) (local $tt i32) (local $k i32) (local $m i32) (local $v f64)
    (local $j i32) (local $i i32) (local $w i32) (local $o i32) (local $vv v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $H) (i32.const 3)))
    (local.set $t (i32.const 0))
    (block $done (loop $tokens
      (br_if $done (i32.ge_s (local.get $t) (local.get $n)))
      ;; the token's nonzero inputs over its three offsets, in order
      (local.set $m (i32.const 0))
      (local.set $d (i32.const -1))
      (block $dd (loop $offsets
        (br_if $dd (i32.gt_s (local.get $d) (i32.const 1)))
        (local.set $tt (i32.add (local.get $t) (local.get $d)))
        (if (i32.and (i32.ge_s (local.get $tt) (i32.const 0)) (i32.lt_s (local.get $tt) (local.get $n)))
          (then
            (local.set $k (i32.const 0))
            (block $kk (loop $inputs
              (br_if $kk (i32.ge_s (local.get $k) (local.get $H)))
              (local.set $v (f64.load (i32.add (local.get $prev)
                (i32.shl (i32.add (i32.mul (local.get $tt) (local.get $H)) (local.get $k)) (i32.const 3)))))
              (if (f64.ne (local.get $v) (f64.const 0))
                (then
                  (i32.store (i32.add (local.get $at) (i32.shl (local.get $m) (i32.const 2)))
                    (i32.mul (i32.add (i32.mul (i32.add (local.get $d) (i32.const 1)) (local.get $H)) (local.get $k)) (local.get $rowBytes)))
                  (f64.store (i32.add (local.get $val) (i32.shl (local.get $m) (i32.const 3))) (local.get $v))
                  (local.set $m (i32.add (local.get $m) (i32.const 1)))))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br $inputs)))))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $offsets)))
      (local.set $o (i32.add (local.get $out) (i32.mul (local.get $t) (local.get $rowBytes))))
      ;; eight outputs at a time, summed over the list in order, bias first
      (local.set $j (i32.const 0))
      (block $jj (loop $blocks
        (br_if $jj (i32.ge_s (local.get $j) (local.get $rowBytes)))
        (local.set $a0 (v128.load (i32.add (local.get $bias) (local.get $j))))
        (local.set $a1 (v128.load offset=16 (i32.add (local.get $bias) (local.get $j))))
        (local.set $a2 (v128.load offset=32 (i32.add (local.get $bias) (local.get $j))))
        (local.set $a3 (v128.load offset=48 (i32.add (local.get $bias) (local.get $j))))
        (local.set $i (i32.const 0))
        (block $ii (loop $list
          (br_if $ii (i32.ge_s (local.get $i) (local.get $m)))
          (local.set $w (i32.add (i32.add (local.get $wt) (local.get $j))
            (i32.load (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 2))))))
          (local.set $vv (f64x2.splat (f64.load (i32.add (local.get $val) (i32.shl (local.get $i) (i32.const 3))))))
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load (local.get $w)) (local.get $vv))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load offset=16 (local.get $w)) (local.get $vv))))
          (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load offset=32 (local.get $w)) (local.get $vv))))
          (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (v128.load offset=48 (local.get $w)) (local.get $vv))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $list)))
        (v128.store (i32.add (local.get $o) (local.get $j)) (local.get $a0))
        (v128.store offset=16 (i32.add (local.get $o) (local.get $j)) (local.get $a1))
        (v128.store offset=32 (i32.add (local.get $o) (local.get $j)) (local.get $a2))
        (v128.store offset=48 (i32.add (local.get $o) (local.get $j)) (local.get $a3))
        (local.set $j (i32.add (local.get $j) (i32.const 64)))
        (br $blocks)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $tokens)))
  )
)
