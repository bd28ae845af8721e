export * from "./AddressValidation.js"
export * from "./derive/AccountKeys.js"
export * from "./derive/Addresses.js"
export * from "./derive/HdDeriver.js"
