export * from "./AddressValidation.js"
