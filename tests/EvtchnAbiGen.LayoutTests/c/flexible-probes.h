/* C twins of ../Specs/flexible-probes.abi. */
#include <stdint.h>
struct flex_u64 { uint32_t len; uint64_t data[]; };
struct flex_zero { uint8_t tag; uint32_t words[0]; };
struct flex_pair { uint16_t a; uint16_t b; };
struct flex_records { uint16_t count; struct flex_pair items[]; };
struct flex_bytes { uint8_t head[3]; uint8_t tail[]; };
