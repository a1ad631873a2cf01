/* cmd_score.c — PLACEHOLDER until its issue lands: 'arcbatt score'. */
#include "cli.h"

int cmd_score(int argc, char **argv)
{
	cli_error("'score' is not built yet");
	return ARC_E_INTERNAL;
}
