import sohoa from "@sohoa/eslint-config";

export default sohoa;
