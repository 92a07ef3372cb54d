/* C twins of ../Specs/ring-probes.abi: the records come from Xen's own DEFINE_RING_TYPES. */
#include <stdint.h>
#include <xen/io/ring.h>
struct rp_req { uint64_t id; uint8_t op; uint16_t nr_segs; };
struct rp_rsp { uint64_t id; int16_t status; };
DEFINE_RING_TYPES(rp_big, struct rp_req, struct rp_rsp);
DEFINE_RING_TYPES(rp_scalar, uint8_t, uint64_t);
struct rp_wide_req { uint32_t gref[11]; uint16_t id; };
DEFINE_RING_TYPES(rp_wide, struct rp_wide_req, uint32_t);
