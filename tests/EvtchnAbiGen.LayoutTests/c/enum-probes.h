/* C twins of ../Specs/enum-probes.abi. */
#include <stdint.h>
enum ep_small { EP_S0, EP_S1, EP_S7 = 7, EP_S8 };
enum ep_neg { EP_N_MINUS = -2, EP_N_NEXT, EP_N_MAX = 0x7fffffff };
enum ep_u32 { EP_U_HIGH = 0xffffffff };
enum ep_wide { EP_W_BIG = 1LL << 32, EP_W_NEXT };
enum ep_wide_neg { EP_WN_MINUS = -1, EP_WN_BIG = EP_W_BIG * 2 };
typedef enum { EP_A0 = EP_S8 + 1, EP_A1 } ep_anon_t;
struct ep_holder {
    uint8_t tag;
    enum ep_small small;
    uint8_t b;
    enum ep_wide wide;
    enum ep_neg negs[3];
    ep_anon_t anon;
    uint8_t after;
    enum ep_small bits : 3;
    enum ep_u32 more_bits : 5;
};
union ep_union { enum ep_wide_neg w; uint8_t b[3]; };
struct at_ep_small { uint8_t c; enum ep_small v; };
struct at_ep_neg { uint8_t c; enum ep_neg v; };
struct at_ep_u32 { uint8_t c; enum ep_u32 v; };
struct at_ep_wide { uint8_t c; enum ep_wide v; };
struct at_ep_wide_neg { uint8_t c; enum ep_wide_neg v; };
struct at_ep_anon_t { uint8_t c; ep_anon_t v; };
