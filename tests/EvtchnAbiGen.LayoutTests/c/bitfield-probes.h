/* C twins of Specs/bitfield-probes.abi, written by hand from the spec (not generated), for the layout
 * tests' clang oracle. ioreq and buf_ioreq are Xen's own, from <xen/hvm/ioreq.h>. */
#ifndef EVTCHNABIGEN_BITFIELD_PROBES_H
#define EVTCHNABIGEN_BITFIELD_PROBES_H
#include <stdint.h>
#include <xen/hvm/ioreq.h>

struct bf_cross64 { uint32_t a:30; uint64_t b:40; uint8_t c; };
struct bf_span64 { uint8_t x[5]; uint64_t b:40; uint16_t after; };
struct bf_zero { uint8_t a:3; uint32_t :0; uint8_t b:5; uint64_t :0; uint8_t c; };
struct bf_unnamed { uint8_t x; uint32_t :3; uint8_t y; uint16_t z:4; };
struct bf_mixed {
    uint8_t a:3; uint16_t b:10; uint32_t c:20; uint8_t d;
    uint16_t e:9; uint16_t f:9; uint8_t g:7; uint8_t h:2; unsigned long l:20; uint8_t after;
};
struct bf_signed { int8_t a:3; int16_t b:11; int32_t c:17; int64_t d:33; int32_t e:32; };
union bf_anon {
    uint32_t raw;
    struct { uint16_t lo:12; uint16_t mid:4; uint8_t hi:7; };
    uint64_t wide:40;
};
struct bf_wide { uint64_t all:64; uint8_t tiny:1; uint64_t rest:63; };
#endif
