export { default } from "@sohoa/prettier-config";
