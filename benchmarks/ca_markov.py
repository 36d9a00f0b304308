"""Runs ChannelAttribution's Markov model on a path file, as a user of that package would, for paths-bench.sh.

usage: python3 benchmarks/ca_markov.py PATH_FILE ORDER

Reads the file with pandas (columns path,total_conversions,total_conversion_value,total_null, channels joined by
" > "), fits ChannelAttribution.markov_model with its defaults and the given order, and writes the credit table to
standard output as CSV (the benchmark sends it to /dev/null). ChannelAttribution 2.1.7 must be importable.
"""
import sys

import pandas as pd
import ChannelAttribution as ca


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: ca_markov.py PATH_FILE ORDER")
    data = pd.read_csv(sys.argv[1])
    result = ca.markov_model(data, "path", "total_conversions", var_value="total_conversion_value",
                             var_null="total_null", order=int(sys.argv[2]), verbose=False)
    result.to_csv(sys.stdout, index=False)


if __name__ == "__main__":
    main()
