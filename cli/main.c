/* main.c — the arcbatt command. */
#include <stdio.h>

#include "arcbatt.h"

int main(void)
{
	printf("arcbatt %s\n", ARCBATT_VERSION);
	return 0;
}
