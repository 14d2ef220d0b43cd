# cmake -DIN=examples/X.yaml -DOUT=build/.../X.yaml -P install-example.cmake
# Copies an example plan file for installation, pointing its yaml-language-server comment at
# the installed schema: examples are installed in share/planctl/examples/ and the schema in
# share/planctl/, so `../schemas/plan.schema.json` becomes `../plan.schema.json`.
file(READ "${IN}" text)
string(REPLACE "$schema=../schemas/plan.schema.json" "$schema=../plan.schema.json" text "${text}")
file(WRITE "${OUT}" "${text}")
