/* cmd_eval.c — PLACEHOLDER until its issue lands: 'arcbatt eval'. */
#include "cli.h"

int cmd_eval(int argc, char **argv)
{
	cli_error("'eval' is not built yet");
	return ARC_E_INTERNAL;
}
