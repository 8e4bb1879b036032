#include "coopdesk/cli.h"
int cmd_demo(const struct cli_ctx *ctx, int argc, char **argv) { (void)argc; (void)argv; fprintf(ctx->err, "not yet\n"); return 1; }
